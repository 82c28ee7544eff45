// Loaded before the editor's bundle: the bundle then waits for editor.mjs, which registers the
// area files' reader and writer first and starts the editor itself.
window.CMS_MANUAL_INIT = true;
