// card-store.js — remembers each confirmation card (proposal, final state, result) in localStorage so a reloaded
// conversation shows its cards as they ended. Keeps the 60 newest.
const KEY = 'copiloto.cards';

function all() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; }
}

export function getCard(id) { return all()[id] || null; }

export function saveCard(id, entry) {
  const cards = all();
  cards[id] = { ...(cards[id] || {}), ...entry, savedAt: Date.now() };
  const ids = Object.keys(cards).sort((a, b) => cards[b].savedAt - cards[a].savedAt);
  for (const old of ids.slice(60)) delete cards[old];
  localStorage.setItem(KEY, JSON.stringify(cards));
}

/** Forgets every card (on sign-out: previews hold customer data). */
export function clearCards() { localStorage.removeItem(KEY); }
