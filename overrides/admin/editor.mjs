// Starts the form editor (Decap CMS) with the area files' own reader and writer, so that saving
// a form writes the file in the style every area file is kept in (canonical-yaml.mjs) and a
// one-field edit is a one-line diff.
//
// Decap hands the writer the entry's data with the keys of any mapping of more than eight keys
// in no set order (its data store does not keep it), so the reader notes the order of every
// mapping's keys in the file, and the writer puts them back in that order; keys the form adds
// go after them, in the order of the form's fields. Fields left empty in the form are not
// written (no text in the schema may be empty). Decap keeps no comment, so the reader also notes
// the file's first line, the schema line, and the writer puts it back.
import { parse } from './yaml/index.js';
import { dump } from './canonical-yaml.mjs';

const keyOrders = new Map(); // area id → { path → [key, ...] }
const headers = new Map(); // area id → the comment on the file's first line (the schema line)

function isMap(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isEmpty(value) {
  return value === null || value === undefined || value === '' ||
    (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
}

function noteOrder(value, path, into) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => noteOrder(item, `${path}/${i}`, into));
  } else if (isMap(value)) {
    into[path] = Object.keys(value);
    for (const [key, item] of Object.entries(value)) noteOrder(item, `${path}/${key}`, into);
  }
  return into;
}

function inOrder(value, path, known, fieldOrder) {
  if (Array.isArray(value)) {
    return value.map((item, i) => inOrder(item, `${path}/${i}`, known, fieldOrder));
  }
  if (!isMap(value)) return value;
  const keys = Object.keys(value).filter(key => !isEmpty(value[key]));
  const before = (known[path] || []).filter(key => keys.includes(key));
  const added = keys.filter(key => !before.includes(key));
  if (path === '') {
    const rank = key => (fieldOrder.includes(key) ? fieldOrder.indexOf(key) : fieldOrder.length);
    added.sort((a, b) => rank(a) - rank(b));
  }
  const out = {};
  for (const key of [...before, ...added]) out[key] = inOrder(value[key], `${path}/${key}`, known, fieldOrder);
  return out;
}

window.CMS.registerCustomFormat('area-yaml', 'yml', {
  fromFile(content) {
    const data = parse(content);
    if (isMap(data) && typeof data.id === 'string') {
      keyOrders.set(data.id, noteOrder(data, '', {}));
      const first = content.split('\n', 1)[0];
      if (first.startsWith('# ')) headers.set(data.id, first.slice(2));
    }
    return data;
  },
  toFile(data, fieldOrder = []) {
    const known = (isMap(data) && keyOrders.get(data.id)) || {};
    const header = isMap(data) && headers.get(data.id);
    // The schema line goes back above `id`, where signpost/yaml_style.py puts it too.
    return dump(inOrder(data, '', known, fieldOrder), header ? { id: header } : {});
  },
});
window.CMS.init();
