"""The register of authorities (data/authorities.tsv) and graph.authorities.

Everything read here ships in the repository: the register itself, and council
names as the development corpus's reports print them (copied as strings)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from graph.authorities import Authority, Register, default_path, load_register, normalise
from graph.resources import data_dir

BCP = "bournemouth-christchurch-and-poole"


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register()


def key_of(register: Register, name: str, on: date | None = None) -> str | None:
    """The key ``name`` resolves to, or None."""
    authority = register.resolve(name, on)
    return authority.key if authority else None


# --- the file -----------------------------------------------------------------


def test_shipped_file_is_found_through_data_dir() -> None:
    assert default_path() == data_dir() / "authorities.tsv"
    assert default_path().is_file()


def test_header_carries_the_source_and_its_mit_notice() -> None:
    text = default_path().read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    joined = "\n".join(header)
    assert "ofsted-ilacs-scrape-tool" in joined
    assert "MIT License" in joined
    assert "Permission is hereby granted, free of charge" in joined
    licence = default_path().with_name("authorities.LICENSE")
    assert "Permission is hereby granted, free of charge" in licence.read_text(encoding="utf-8")


def test_one_row_per_authority_past_and_present(register: Register) -> None:
    keys = [a.key for a in register.all()]
    assert len(keys) == len(set(keys)) == len(register)
    current = [a for a in register.all() if a.until is None]
    # 153 authorities with children's services today; abolished since 2012:
    # Bournemouth, Poole, Northamptonshire, Cumbria
    assert len(current) == 153
    assert {a.key for a in register.all() if a.until} == {
        "bournemouth",
        "poole",
        "northamptonshire",
        "cumbria",
    }


def test_keys_are_lowercase_hyphenated_slugs(register: Register) -> None:
    for authority in register.all():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", authority.key), authority.key


def test_codes_are_well_formed_and_unique(register: Register) -> None:
    for authority in register.all():
        assert re.fullmatch(r"E0[689]\d{6}|E10\d{6}", authority.ons_code), authority
        assert re.fullmatch(r"\d{3}", authority.dfe_code), authority
        assert authority.ofsted_urn == "" or authority.ofsted_urn.isdigit(), authority
    for column in ("ons_code", "dfe_code"):
        values = [getattr(a, column) for a in register.all()]
        assert len(values) == len(set(values)), column


def test_type_agrees_with_ons_code(register: Register) -> None:
    expected = {
        "E06": "Unitary Authority",
        "E08": "Metropolitan District",
        "E09": "London Borough",
        "E10": "County",
    }
    for authority in register.all():
        assert authority.la_type == expected[authority.ons_code[:3]], authority.key


def test_every_referenced_key_exists(register: Register) -> None:
    for authority in register.all():
        for key in (*authority.neighbours, *authority.successors, *authority.predecessors):
            assert key in register, (authority.key, key)
        assert authority.key not in authority.neighbours


def test_successors_and_predecessors_mirror_each_other(register: Register) -> None:
    for authority in register.all():
        for successor in register.successors(authority.key):
            assert authority.key in successor.predecessors
            assert successor.from_ == authority.until
        for predecessor in register.predecessors(authority.key):
            assert authority.key in predecessor.successors
        assert bool(authority.successors) == (authority.until is not None), authority.key


def test_reorganisation_dates(register: Register) -> None:
    def starts(key: str) -> date | None:
        return register.by_key(key).from_

    assert starts(BCP) == date(2019, 4, 1)
    assert register.by_key("bournemouth").until == date(2019, 4, 1)
    assert register.by_key("poole").until == date(2019, 4, 1)
    assert starts("north-northamptonshire") == starts("west-northamptonshire") == date(2021, 4, 1)
    assert register.by_key("northamptonshire").until == date(2021, 4, 1)
    assert starts("cumberland") == starts("westmorland-and-furness") == date(2023, 4, 1)
    assert register.by_key("cumbria").until == date(2023, 4, 1)
    # Dorset keeps one key across the 2019 change of council (see its notes)
    dorset = register.by_key("dorset")
    assert dorset.from_ is None and dorset.until is None
    assert dorset.ons_code == "E06000059" and "E10000009" in dorset.notes


def test_added_and_corrected_rows(register: Register) -> None:
    bournemouth = register.by_key("bournemouth")
    assert (bournemouth.ons_code, bournemouth.dfe_code) == ("E06000028", "837")
    poole = register.by_key("poole")
    assert (poole.ons_code, poole.dfe_code) == ("E06000029", "836")
    bcp = register.by_key(BCP)
    assert (bcp.ons_code, bcp.dfe_code) == ("E06000058", "839")
    assert register.by_key("cumbria").region == "North West"
    assert register.by_key("medway").region == "South East"


# --- names --------------------------------------------------------------------

TRICKY = {
    "Bristol": "bristol",
    "Bristol City Council": "bristol",
    "Bristol, City of": "bristol",
    "City of Bristol": "bristol",
    "City of London": "city-of-london",
    "London Corporation": "city-of-london",
    "City of London Corporation": "city-of-london",
    "Isles of Scilly": "isles-of-scilly",
    "Council of the Isles of Scilly": "isles-of-scilly",
    "Medway": "medway",
    "Medway Council": "medway",
    "Medway Children's Services": "medway",
    "Medway Children’s Services": "medway",
    "Hampshire": "hampshire",
    "Hampshire County Council": "hampshire",
    "Bournemouth, Christchurch and Poole": BCP,
    "BCP Council": BCP,
    "Bournemouth, Christchurch and Poole Council": BCP,
    "bournemouth, christchurch & poole": BCP,
    "Kingston Upon Hull, City of": "kingston-upon-hull",
    "Hull City Council": "kingston-upon-hull",
    "Kingston upon Thames": "kingston-upon-thames",
    "Royal Borough of Kingston upon Thames": "kingston-upon-thames",
    "Dorset County Council": "dorset",
    "Dorset Council": "dorset",
    "Northamptonshire County Council": "northamptonshire",
    "North Northamptonshire Council": "north-northamptonshire",
    "Cumbria County Council": "cumbria",
    "Westmorland & Furness Council": "westmorland-and-furness",
    "County Durham": "durham",
    "Durham County Council": "durham",
    "Herefordshire, County of": "herefordshire",
    "Borough of Poole": "poole",
    "City of Westminster": "westminster",
    "Stockton-on-Tees Borough Council": "stockton-on-tees",
    "stockton on tees": "stockton-on-tees",
    "kingston-upon-hull": "kingston-upon-hull",
}

# First-page council names of the development corpus's reports, as printed
# (ILACS titles from late 2021 put the name inside "Inspection of ... services")
CORPUS_FIRST_PAGES = {
    "Cambridgeshire County Council": "cambridgeshire",
    "London Borough of Redbridge Council": "redbridge",
    "City of Wolverhampton": "wolverhampton",
    "Derby City": "derby",
    "Leicester City": "leicester",
    "Tameside Borough Council": "tameside",
    "Royal Borough of Kensington and Chelsea": "kensington-and-chelsea",
    "St. Helens Metropolitan Borough Council": "st-helens",
    "Metropolitan Borough of Solihull": "solihull",
    "Wakefield Metropolitan District Council": "wakefield",
    "Kirklees Metropolitan Borough Council": "kirklees",
    "Somerset County Council": "somerset",
    "Sandwell Metropolitan Borough Council": "sandwell",
    "Bournemouth Borough Council": "bournemouth",
    "Inspection of Bournemouth, Christchurch and Poole local authority children’s services": BCP,
    "Inspection of Royal Borough of Greenwich local authority children’s services": "greenwich",
    "Inspection of Wokingham Borough Council local authority children’s services": "wokingham",
    "Inspection of Northumberland County Council local authority children’s services": (
        "northumberland"
    ),
    "Inspection of Richmond upon Thames local authority children’s services": (
        "richmond-upon-thames"
    ),
}


@pytest.mark.parametrize(("name", "key"), sorted({**TRICKY, **CORPUS_FIRST_PAGES}.items()))
def test_names_resolve_to_one_key(register: Register, name: str, key: str) -> None:
    authority = register.resolve(name)
    assert authority is not None, name
    assert authority.key == key


def test_bristol_2014_and_2018_names_give_one_key(register: Register) -> None:
    names = {
        date(2014, 6, 1): "Bristol City Council",
        date(2018, 6, 1): "Inspection of Bristol local authority children's services",
        date(2018, 7, 1): "City of Bristol",
    }
    keys = {key_of(register, name, on) for on, name in names.items()}
    assert keys == {"bristol"}


def test_tameside_metropolitan_borough(register: Register) -> None:
    assert key_of(register, "Tameside metropolitan borough") == "tameside"


def test_bournemouth_before_and_after_2019(register: Register) -> None:
    on = date(2014, 6, 30)
    assert key_of(register, "Bournemouth", on) == "bournemouth"
    assert key_of(register, "Bournemouth Borough Council", on) == "bournemouth"
    assert key_of(register, "BCP", date(2022, 2, 11)) == BCP
    assert key_of(register, "Bournemouth, Christchurch and Poole") == BCP
    # "Bournemouth" still names the old council after 2019: follow its successors
    assert key_of(register, "Bournemouth", date(2022, 1, 1)) == "bournemouth"


def test_unknown_names_do_not_resolve(register: Register) -> None:
    for name in ("", "Council", "London", "Christchurch", "Surrey Safeguarding Children Board"):
        assert register.resolve(name) is None, name


def test_every_listed_name_resolves_to_its_own_row(register: Register) -> None:
    for authority in register.all():
        for name in (authority.label, *authority.names):
            found = register.resolve(name)
            assert found is not None and found.key == authority.key, (authority.key, name)


def test_no_name_is_shared_by_authorities_in_force_together(register: Register) -> None:
    seen: dict[str, list[Authority]] = {}
    for authority in register.all():
        for form in {normalise(n) for n in (authority.label, *authority.names)}:
            seen.setdefault(form, []).append(authority)
    for form, holders in seen.items():
        for a in holders:
            for b in holders:
                if a.key < b.key:
                    overlap = (a.until is None or b.from_ is None or b.from_ < a.until) and (
                        b.until is None or a.from_ is None or a.from_ < b.until
                    )
                    assert not overlap, (form, a.key, b.key)


def test_normalise() -> None:
    assert normalise("The London Borough of Hackney") == "hackney"
    assert normalise("St. Helens") == normalise("St Helens") == "st helens"
    assert normalise("Inspection of Dudley local authority\nchildren’s services") == "dudley"
    assert normalise("Brighton & Hove City Council") == "brighton and hove"


def _authority(key: str, name: str, start: date | None, end: date | None) -> Authority:
    return Authority(
        key=key,
        label=name,
        ons_code="E06000000",
        dfe_code="000",
        ofsted_urn="",
        region="",
        la_type="Unitary Authority",
        names=(name,),
        neighbours=(),
        from_=start,
        until=end,
        successors=(),
        predecessors=(),
    )


def test_an_ambiguous_name_is_settled_by_the_date() -> None:
    old = _authority("old-shire", "Shire Council", None, date(2020, 4, 1))
    new = replace(_authority("new-shire", "Shire Council", date(2020, 4, 1), None), label="New")
    register = Register([old, new])
    assert register.resolve("Shire", date(2019, 1, 1)) == old
    assert register.resolve("Shire", date(2020, 4, 1)) == new
    assert register.resolve("Shire") is None  # no date, no guess


def test_duplicate_keys_are_refused() -> None:
    one = _authority("x", "X", None, None)
    with pytest.raises(ValueError):
        Register([one, one])


# --- relations ----------------------------------------------------------------


def test_neighbours_of_a_known_authority(register: Register) -> None:
    neighbours = register.neighbours("barnet")
    assert len(neighbours) == 10
    assert len({a.key for a in neighbours}) == 10
    assert all(a.key in register for a in neighbours)
    assert neighbours[0].key == "waltham-forest"


def test_every_current_authority_has_ten_neighbours(register: Register) -> None:
    for authority in register.all():
        if authority.until is None:
            assert len(authority.neighbours) == 10, authority.key


def test_lineage(register: Register) -> None:
    assert [a.key for a in register.lineage("bournemouth")] == [BCP]
    assert {a.key for a in register.lineage(BCP)} == {"bournemouth", "poole"}
    assert {a.key for a in register.successors("northamptonshire")} == {
        "north-northamptonshire",
        "west-northamptonshire",
    }
    assert [a.key for a in register.predecessors("cumberland")] == ["cumbria"]
    assert register.lineage("leeds") == []


def test_by_key_of_an_unknown_key_raises(register: Register) -> None:
    with pytest.raises(KeyError):
        register.by_key("atlantis")


def test_load_register_from_a_path(tmp_path: Path) -> None:
    text = default_path().read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    kept = [lines[0], *[line for line in lines[1:] if line.startswith("leeds\t")]]
    path = tmp_path / "one.tsv"
    path.write_text("# a comment\n" + "\n".join(kept) + "\n", encoding="utf-8")
    register = load_register(path)
    assert [a.key for a in register.all()] == ["leeds"]
    assert key_of(register, "Leeds City Council") == "leeds"


def test_a_file_with_other_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("key\tlabel\nx\tX\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_register(path)
