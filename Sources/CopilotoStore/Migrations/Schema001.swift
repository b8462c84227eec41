/// The first schema: tenants, auth, and the CRM core. The same DDL runs on SQLite and PostgreSQL;
/// ids are UUID text, times are epoch milliseconds (BIGINT), money is integer cents.
enum Schema001 {
    static let tenantTables = [
        "users", "api_tokens", "store_settings", "customers", "contacts", "categories", "products", "discounts",
        "orders", "order_items", "invoices", "payments", "agenda_items", "notes", "tickets", "number_sequences",
        "role_permissions",
    ]

    static let statements: [String] = [
        """
        CREATE TABLE tenants (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          parent_id TEXT REFERENCES tenants(id), created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE store_settings (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), name TEXT NOT NULL,
          currency TEXT NOT NULL, timezone TEXT NOT NULL, language TEXT NOT NULL, business_hours TEXT,
          updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE users (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, role TEXT NOT NULL, language TEXT NOT NULL,
          active BOOLEAN NOT NULL, search_text TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX users_tenant ON users (tenant_id, created_at)",
        """
        CREATE TABLE api_tokens (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, secret_hash TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT,
          last_used_at BIGINT, revoked BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE customers (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          email TEXT, phone TEXT, document TEXT, tags TEXT NOT NULL, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX customers_tenant ON customers (tenant_id, created_at)",
        """
        CREATE TABLE contacts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          customer_id TEXT REFERENCES customers(id) ON DELETE CASCADE, name TEXT NOT NULL, email TEXT, phone TEXT,
          position TEXT, search_text TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX contacts_tenant ON contacts (tenant_id, created_at)",
        """
        CREATE TABLE categories (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          parent_id TEXT REFERENCES categories(id), search_text TEXT NOT NULL, created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE products (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          sku TEXT, price_cents BIGINT NOT NULL, stock BIGINT NOT NULL, category_id TEXT REFERENCES categories(id),
          ncm TEXT, cest TEXT, active BOOLEAN NOT NULL, search_text TEXT NOT NULL, created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL, UNIQUE (tenant_id, sku))
        """,
        "CREATE INDEX products_tenant ON products (tenant_id, created_at)",
        """
        CREATE TABLE discounts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), code TEXT NOT NULL,
          percent_bp BIGINT, amount_cents BIGINT, valid_until BIGINT, min_order_cents BIGINT, usage_limit BIGINT,
          usage_count BIGINT NOT NULL, active BOOLEAN NOT NULL, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (tenant_id, code))
        """,
        """
        CREATE TABLE orders (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), number BIGINT NOT NULL,
          customer_id TEXT REFERENCES customers(id), status TEXT NOT NULL, subtotal_cents BIGINT NOT NULL,
          discount_cents BIGINT NOT NULL, total_cents BIGINT NOT NULL, currency TEXT NOT NULL, discount_code TEXT,
          search_text TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (tenant_id, number))
        """,
        "CREATE INDEX orders_tenant ON orders (tenant_id, created_at)",
        "CREATE INDEX orders_customer ON orders (tenant_id, customer_id)",
        """
        CREATE TABLE order_items (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, position BIGINT NOT NULL,
          product_id TEXT REFERENCES products(id) ON DELETE SET NULL, description TEXT NOT NULL,
          quantity BIGINT NOT NULL, unit_price_cents BIGINT NOT NULL, total_cents BIGINT NOT NULL)
        """,
        "CREATE INDEX order_items_order ON order_items (order_id)",
        """
        CREATE TABLE invoices (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), number BIGINT NOT NULL,
          customer_id TEXT NOT NULL REFERENCES customers(id), order_id TEXT REFERENCES orders(id) ON DELETE SET NULL,
          items TEXT NOT NULL, amount_cents BIGINT NOT NULL, paid_cents BIGINT NOT NULL, currency TEXT NOT NULL,
          status TEXT NOT NULL, due_date TEXT NOT NULL, search_text TEXT NOT NULL, created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL, UNIQUE (tenant_id, number))
        """,
        "CREATE INDEX invoices_tenant ON invoices (tenant_id, created_at)",
        """
        CREATE TABLE payments (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE, amount_cents BIGINT NOT NULL,
          method TEXT NOT NULL, paid_at BIGINT NOT NULL)
        """,
        "CREATE INDEX payments_invoice ON payments (invoice_id)",
        """
        CREATE TABLE agenda_items (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), kind TEXT NOT NULL,
          title TEXT NOT NULL, notes TEXT, customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
          assignee_id TEXT REFERENCES users(id) ON DELETE SET NULL, starts_at BIGINT, duration_minutes BIGINT,
          due_at BIGINT, when_at BIGINT NOT NULL, status TEXT NOT NULL, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX agenda_tenant ON agenda_items (tenant_id, when_at)",
        """
        CREATE TABLE notes (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), subject_type TEXT NOT NULL,
          subject_id TEXT NOT NULL, author_id TEXT REFERENCES users(id) ON DELETE SET NULL, text TEXT NOT NULL,
          search_text TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX notes_subject ON notes (tenant_id, subject_id)",
        """
        CREATE TABLE tickets (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), number BIGINT NOT NULL,
          customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL, subject TEXT NOT NULL, description TEXT,
          status TEXT NOT NULL, priority TEXT NOT NULL, assignee_id TEXT REFERENCES users(id) ON DELETE SET NULL,
          escalation_reason TEXT, search_text TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
          UNIQUE (tenant_id, number))
        """,
        "CREATE INDEX tickets_tenant ON tickets (tenant_id, created_at)",
        """
        CREATE TABLE number_sequences (tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          next_value BIGINT NOT NULL, PRIMARY KEY (tenant_id, name))
        """,
        """
        CREATE TABLE role_permissions (tenant_id TEXT NOT NULL REFERENCES tenants(id), action TEXT NOT NULL,
          roles TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, action))
        """,
    ]
}
