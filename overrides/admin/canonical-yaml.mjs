// The area files' one YAML style, as the form editor writes it (an ES module: the browser
// loads it at /admin/, and the tests run it under Node). signpost/yaml_style.py writes the same
// style in Python, character for character (tests/test_yaml_style.py compares the two on every
// area file), so a one-field edit in the form is a one-field diff.
//
// The style: two-space indents, list items under their key ("  - "), every text on one line
// (plain where YAML reads it back as the same text, else in double quotes), a text of several
// lines as a literal block ("|-"), no flow style except [] and {} for empty ones, and the given
// comments on their own line above their key.

const NUMERIC = /^[-+]?(\d[\d_,]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const SEXAGESIMAL = /^[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/;
const SPECIAL = /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0[xXoObB].*)$/;
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?([Tt ]|$)/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WORDS = new Set(['null', '~', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '=', '<<']);
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

function needsEscape(code) {
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f) || code === 0xfeff ||
    code === 0x2028 || code === 0x2029 || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff);
}

function isPlain(s) {
  if (s === '' || s[0] === ' ' || s[s.length - 1] === ' ') return false;
  if (INDICATORS.includes(s[0])) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (WORDS.has(s.toLowerCase())) return false;
  if (NUMERIC.test(s) || SEXAGESIMAL.test(s) || SPECIAL.test(s)) return false;
  if (TIMESTAMP.test(s) && !DATE.test(s)) return false;
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === '\t' || needsEscape(code)) return false;
  }
  return true;
}

function hex(code, width) {
  return code.toString(16).padStart(width, '0');
}

function quoted(s) {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (needsEscape(code)) out += code < 0x100 ? '\\x' + hex(code, 2) : '\\u' + hex(code, 4);
    else out += ch;
  }
  return out + '"';
}

// A text of several lines as a literal block, when every line reads back exactly.
function literal(s) {
  if (!s.includes('\n') || s[0] === ' ' || s[0] === '\n' || s.endsWith('\n\n')) return null;
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const lines = body.split('\n');
  for (const line of lines) {
    if (line.endsWith(' ') || line.endsWith('\t')) return null;
    for (const ch of line) {
      if (ch !== '\t' && needsEscape(ch.codePointAt(0))) return null;
    }
  }
  return { indicator: s.endsWith('\n') ? '|' : '|-', lines };
}

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  const s = String(value);
  return isPlain(s) ? s : quoted(s);
}

function isMap(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function block(value, indent, lines) {
  const text = literal(value);
  const pad = ' '.repeat(indent);
  for (const line of text.lines) lines.push(line === '' ? '' : pad + line);
}

// One value after "key:" or "-": on the same line, or on the lines below at `indent`.
function after(value, indent, lines, head) {
  if (isMap(value) && Object.keys(value).length) {
    lines.push(head);
    mapping(value, indent, lines, {});
  } else if (Array.isArray(value) && value.length) {
    lines.push(head);
    sequence(value, indent, lines);
  } else if (isMap(value)) {
    lines.push(head + ' {}');
  } else if (Array.isArray(value)) {
    lines.push(head + ' []');
  } else if (typeof value === 'string' && literal(value)) {
    lines.push(head + ' ' + literal(value).indicator);
    block(value, indent, lines);
  } else {
    lines.push(head + ' ' + scalar(value));
  }
}

function mapping(map, indent, lines, comments) {
  const pad = ' '.repeat(indent);
  for (const [key, value] of Object.entries(map)) {
    if (comments[key]) lines.push(pad + '# ' + comments[key]);
    after(value, indent + 2, lines, pad + scalar(key) + ':');
  }
}

function sequence(list, indent, lines) {
  const pad = ' '.repeat(indent);
  for (const item of list) {
    if (isMap(item) && Object.keys(item).length) {
      const start = lines.length;
      mapping(item, indent + 2, lines, {});
      lines[start] = pad + '- ' + lines[start].slice(indent + 2);
    } else {
      after(item, indent + 2, lines, pad + '-');
    }
  }
}

// The YAML text of `data` (a mapping), with `comments` (key → text) above top-level keys.
export function dump(data, comments = {}) {
  const lines = [];
  mapping(data, 0, lines, comments);
  return lines.join('\n') + '\n';
}
