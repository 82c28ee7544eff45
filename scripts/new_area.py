#!/usr/bin/env python3
"""Start a new area file: python scripts/new_area.py "Area name" [--services DIR] [--nation England]

Writes services/<area-id>.yml with every section of the area schema in place, notes on what
goes where, and TODO in each text the editor must fill in from the area's source document.
The validator reports every TODO, so the file does not pass until it is filled in: that is on
purpose. Never overwrites a file that is already there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost import checks, schema_check  # noqa: E402
from signpost.load import load_yaml  # noqa: E402
from signpost.problems import dotted  # noqa: E402

NATIONS: list[str] = schema_check.schema("area")["properties"]["nation"]["enum"]
ID_MAX = 60  # record ids are '<area-id>-<something>', and an id may be 80 characters at most


def area_id_for(name: str) -> str:
    """The area's id and file name: lower-case words joined by hyphens.

    'Bath and North East Somerset' → 'bath-and-north-east-somerset'; '&' is read as 'and',
    apostrophes are dropped ("King's Lynn" → 'kings-lynn') and accents are taken off letters.
    """
    plain = unicodedata.normalize("NFKD", name.replace("&", " and "))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"['’]", "", plain.casefold())
    area_id = "-".join(re.findall(r"[a-z0-9]+", plain))
    if not area_id:
        raise ValueError("the name needs at least one letter or digit")
    if len(area_id) > ID_MAX:
        raise ValueError(f"the id '{area_id}' would be longer than {ID_MAX} characters; "
                         "use a shorter form of the name (the full name can go in the file)")
    return area_id


def _yaml_text(text: str) -> str:
    """``text`` as a YAML value: plain when YAML reads it back unchanged, quoted otherwise."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML quoted string


# The new file (scripts/new_area_template.txt): placeholders in braces, {{ and }} for a brace;
# the rest is written as it stands.
TEMPLATE = Path(__file__).resolve().parent / "new_area_template.txt"


def area_template(name: str, area_id: str, nation: str, today: dt.date) -> str:
    """The text of a new area file: valid in shape, with TODO where the editor must write."""
    return TEMPLATE.read_text("utf-8").format(name=name, name_yaml=_yaml_text(name), id_yaml=_yaml_text(area_id),
                            id=area_id, nation=nation, today=today.isoformat())


def count_todos(path: Path) -> int:
    """How many TODOs the validator will report in ``path``: the editor's to-do list."""
    loaded = load_yaml(path)
    # A TODO may stand where the schema wants a date: that is still a to-do, not a wrong shape.
    todo_paths = {dotted(path) for path, text in loaded.strings if "TODO" in text}
    if loaded.problems or [p for p in schema_check.check(loaded, "area") if p.path not in todo_paths]:
        raise RuntimeError(f"{path}: the new file does not have the shape the schema asks for")
    return sum("TODO" in p.message for p in checks.check_common(loaded, dt.date.today()))


def _nation(text: str) -> str:
    """Accept a nation in any case ('wales' → 'Wales'); the schema's spelling is written."""
    for nation in NATIONS:
        if text.strip().casefold() == nation.casefold():
            return nation
    raise argparse.ArgumentTypeError(f"'{text}' is not a nation: write one of {', '.join(NATIONS)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the area's name as people know it, in quotes, "
                                     "for example \"Bath and North East Somerset\"")
    parser.add_argument("--services", default=Path("services"), type=Path, metavar="DIR",
                        help="the folder of content files (default: services)")
    parser.add_argument("--nation", default="England", type=_nation,
                        help=f"the UK nation the area is in: {', '.join(NATIONS)} (default: England)")
    args = parser.parse_args(argv)

    name = " ".join(args.name.split())
    try:
        area_id = area_id_for(name)
    except ValueError as err:
        print(f"Cannot start an area called '{args.name}': {err}", file=sys.stderr)
        return 1
    if not args.services.is_dir():
        print(f"{args.services}: no such folder. Run this from the top folder of the project, "
              "or give the content folder with --services.", file=sys.stderr)
        return 1
    target = args.services / f"{area_id}.yml"
    if target.exists():
        print(f"{target} already exists, so nothing was written. To change that area, edit the "
              "file. To start a different area, give a different name.", file=sys.stderr)
        return 1

    text = area_template(name, area_id, args.nation, dt.date.today())
    with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)

    todos = count_todos(target)
    validate = "python scripts/validate.py" + ("" if args.services == Path("services")
                                               else f" {args.services.as_posix()}")
    print(f"Created {target} for {name} ({args.nation}).")
    print(f"Its id is '{area_id}', so its page will be /areas/{area_id}/.")
    print(f"""
Next:
  1. Open {target}. Replace each of its {todos} TODOs with the words of
     the area's source document. Delete any field or section the document has
     nothing for. Lines starting with # are notes for you; the site never shows them.
  2. Check it:   {validate}
     It lists each problem with its line number, until none is left.
  3. Preview it: make preview AREA={area_id}
     then open http://127.0.0.1:8000/areas/{area_id}/ in your browser; the page
     reloads each time you save the file.
  4. Add a line for the new file to .github/CODEOWNERS, then open a pull request.
     CONTRIBUTING.md has the checklist reviewers will use.""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
