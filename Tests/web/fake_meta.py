"""A loopback Graph API and transcription server for the browser tests, speaking Meta's and OpenAI's wire formats:
GET /v21.0/{media-id} (url, mime_type, sha256, file_size), the bearer-only download, GET /v21.0/{waba}/message_templates,
POST /v21.0/{phone}/messages (text and template), and POST /v1/audio/transcriptions (multipart/form-data)."""
import hashlib
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeMeta:
    def __init__(self, port):
        self.media = {}
        self.sent = []
        self.uploads = []
        self.transcript = "Oi, queria saber se o pedido 1042 já saiu para entrega"
        self.templates = []
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def _handler(fake):
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def authorized(self):
                return self.headers.get("Authorization", "").startswith("Bearer ")

            def do_GET(self):
                parts = self.path.split("?")[0].strip("/").split("/")
                if not self.authorized():
                    return self.reply(401, {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}})
                if parts[0] == "download" and len(parts) == 2 and parts[1] in fake.media:
                    data, mime = fake.media[parts[1]]
                    return self.reply(200, data, mime)
                if parts[0] == "v21.0" and len(parts) == 3 and parts[2] == "message_templates":
                    return self.reply(200, {"data": fake.templates, "paging": {"cursors": {"before": "A", "after": "B"}}})
                if parts[0] == "v21.0" and len(parts) == 2 and parts[1] in fake.media:
                    data, mime = fake.media[parts[1]]
                    host = self.headers.get("Host")
                    return self.reply(200, {"messaging_product": "whatsapp", "url": f"http://{host}/download/{parts[1]}", "mime_type": mime,
                                            "sha256": hashlib.sha256(data).hexdigest(), "file_size": str(len(data)), "id": parts[1]})
                return self.reply(404, {"error": {"message": "Unsupported get request.", "code": 100}})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                path = self.path.split("?")[0]
                if path == "/v1/audio/transcriptions":
                    ok = self.headers.get("Content-Type", "").startswith("multipart/form-data") and b'name="file"' in body and b'name="model"' in body
                    if not ok:
                        return self.reply(400, {"error": {"message": "Missing required parameter: 'file'.", "type": "invalid_request_error"}})
                    fake.uploads.append(body)
                    return self.reply(200, {"text": fake.transcript})
                if path.startswith("/v21.0/") and path.endswith("/messages"):
                    message = json.loads(body or b"{}")
                    fake.sent.append(message)
                    return self.reply(200, {"messaging_product": "whatsapp", "contacts": [{"input": message.get("to"), "wa_id": message.get("to")}],
                                            "messages": [{"id": "wamid.WEB" + uuid.uuid4().hex[:12]}]})
                return self.reply(404, {"error": {"message": "Unknown path", "code": 100}})

        return Handler
