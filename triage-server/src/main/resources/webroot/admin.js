// The admin view: every configuration section read-only, PBX link health, and one edit (operatives'
// skills) saved with PUT and the section's version.
import { api, el, fields, requireRole, say, sayError, timeOfDay, words } from '/app.js';

const SECTIONS = { lines: 'Lines', tiers: 'Tiers', rota: 'Rota', cmht: 'CMHT directory', cafes: 'Crisis cafés' };
const $ = (id) => document.getElementById(id);
let operatives = null;

/** A configured value in words: lists joined, records as their values ("MONDAY 18:00 23:00"). */
function text(value) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join(value.some((v) => typeof v === 'object') ? '; ' : ', ');
  if (typeof value === 'object') return Object.values(value).map(text).join(' ');
  return String(value);
}

function sectionCard(section) {
  const columns = [...new Set(section.items.flatMap((item) => Object.keys(item)))];
  const id = 'section-' + section.section;
  return el('section', { class: 'card', 'aria-labelledby': id },
    el('h2', { id, text: SECTIONS[section.section] }),
    el('p', { class: 'hint', text: 'Version ' + section.version + ' · saved by ' + section.savedBy + ' at ' + timeOfDay(section.savedAt) }),
    el('table', {},
      el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', text: c })))),
      el('tbody', {}, ...(section.items.length ? section.items.map((item) => el('tr', {},
        ...columns.map((c) => el('td', { text: text(item[c]) }))))
        : [el('tr', {}, el('td', { text: 'Nothing configured.' }))]))));
}

function skillRow(op, i) {
  const box = (name, label) => el('td', {}, el('input', { type: 'checkbox', name: name + '-' + i, checked: !!op[name], 'aria-label': label + ': ' + op.displayName }));
  return el('tr', {},
    el('th', { scope: 'row', text: op.displayName + ' (' + op.id + ')' }),
    box('clinical', 'Clinical'),
    box('clinicalLead', 'Clinical lead'),
    el('td', {}, el('input', { name: 'languages-' + i, value: (op.languages || []).join(', '), 'aria-label': 'Languages: ' + op.displayName })));
}

function showSkills(section) {
  operatives = section;
  $('skills').replaceChildren(...section.items.map(skillRow));
}

$('skills-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const items = operatives.items.map((op, i) => ({
    ...op,
    clinical: form.elements['clinical-' + i].checked,
    clinicalLead: form.elements['clinicalLead-' + i].checked,
    languages: fields(form)['languages-' + i].split(',').map((l) => l.trim().toLowerCase()).filter(Boolean),
  }));
  try {
    const saved = await api('/api/admin/operatives', { method: 'PUT', body: { version: operatives.version, items } });
    showSkills(saved);
    say($('skills-status'), 'Saved: version ' + saved.version + '.', 'ok');
  } catch (e) {
    sayError($('skills-status'), e);
  }
});

async function pbx() {
  const { links } = await api('/api/admin/pbx');
  $('pbx').replaceChildren(...links.map((l) => el('tr', {},
    el('th', { scope: 'row', text: l.pbx }), el('td', { class: l.state === 'UP' ? 'open-now' : 'band-high', text: words(l.state) }),
    el('td', { text: l.detail }), el('td', { text: timeOfDay(l.since) }), el('td', { text: String(l.liveChannels) }))));
}

await requireRole('ADMIN');
showSkills(await api('/api/admin/operatives'));
await pbx();
const sections = await Promise.all(Object.keys(SECTIONS).map((name) => api('/api/admin/' + name)));
$('sections').replaceChildren(...sections.map(sectionCard));
