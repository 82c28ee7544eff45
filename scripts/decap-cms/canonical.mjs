// node scripts/decap-cms/canonical.mjs FILE...: each area file as the form editor would write it,
// with the reader and writer the editor uses at /admin/ (for tests/test_yaml_style.py, which
// checks that signpost/yaml_style.py writes exactly the same). Prints a JSON list of texts.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { dump } from '../../overrides/admin/canonical-yaml.mjs';

const SCHEMA_LINE = 'yaml-language-server: $schema=schema/area.schema.json';
const out = process.argv.slice(2).map(file => dump(YAML.parse(readFileSync(file, 'utf8')), { id: SCHEMA_LINE }));
process.stdout.write(JSON.stringify(out));
