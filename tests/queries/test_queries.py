"""Named queries: the files, their headers, parameter binding, and one meaningful
answer per question on the Bournemouth 2014 graph (tests/conftest.py)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import (
    AmbiguousNameError,
    ParameterError,
    QueryError,
    UnknownNameError,
    UserError,
)
from graph.queries.catalog import (
    list_queries,
    load_query,
    parse_param_pairs,
    parse_query_file,
    resolve_params,
    run_named_query,
    select_named,
    sort_evidence,
)
from graph.resources import queries_dir

QUERY_FILES = sorted(queries_dir().glob("*.rq"))
EXPECTED_QUERIES = {
    "weak-links",
    "body-links",
    "board-members",
    "reports-to",
    "annual-report",
    "unaccountable-bodies",
    "judgements",
    "grade-counts",
    "areas-for-improvement",
    "topic-paragraphs",
    "changes-since-previous",
    "reports",
    "bodies",
    "body-findings",
}
LSCB = "Bournemouth and Poole Local Safeguarding Children Board"


def rows(store: Any, name: str, **params: str) -> list[dict[str, Any]]:
    return select_named(store, name, params)


def paragraphs(row: dict[str, Any]) -> set[str]:
    return set((row["paragraphs"] or "").split(", "))


def find(found: list[dict[str, Any]], **wanted: str) -> dict[str, Any]:
    """The one row whose columns equal ``wanted``."""
    hits = [r for r in found if all(r.get(k) == v for k, v in wanted.items())]
    assert len(hits) == 1, f"{wanted} matched {len(hits)} rows"
    return hits[0]


# ---------------------------------------------------------------- the files


def test_every_question_of_the_issue_has_a_file() -> None:
    assert {p.stem for p in QUERY_FILES} >= EXPECTED_QUERIES


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_file_parses_with_its_own_prefixes(path: Path) -> None:
    import pyoxigraph as ox
    from rdflib.plugins.sparql import prepareQuery

    query = parse_query_file(path)
    assert query.summary and len(query.summary) < 110
    # a bare engine with no predeclared prefixes: the file must carry its own
    list(ox.Store().query(query.text))
    # and standard SPARQL 1.1, so any endpoint can run it
    prepareQuery(query.text)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_declared_parameter_can_be_bound(path: Path) -> None:
    """pyoxigraph binds only variables of the SELECT clause: check each one is."""
    import pyoxigraph as ox

    query = parse_query_file(path)
    bindings = {
        p.name: ox.Literal("x") if p.kind == "text" else ox.NamedNode("https://example.org/x")
        for p in query.params
    }
    subs = {ox.Variable(k): v for k, v in bindings.items()}
    assert list(ox.Store().query(query.text, substitutions=subs)) == []


def test_header_fields_continuations_and_parameters(tmp_path: Path) -> None:
    path = tmp_path / "demo.rq"
    path.write_text(
        "#+ summary: A demo\n"
        "#+ description: first line\n"
        "#+   and its continuation\n"
        "#+ param: body (body) - the body\n"
        "#+ param: area (judgement-area, optional) - an area\n"
        "#+ example: sgkg query demo -p body=LSCB\n"
        "SELECT ?x ?body ?area WHERE { ?x ?p ?body }\n"
    )
    query = parse_query_file(path)
    assert query.name == "demo"
    assert query.description == "first line and its continuation"
    assert [(p.name, p.kind, p.optional) for p in query.params] == [
        ("body", "body", False),
        ("area", "judgement-area", True),
    ]
    assert query.examples == ("sgkg query demo -p body=LSCB",)


@pytest.mark.parametrize(
    "header, message",
    [
        ("#+ param: body body\n", "line 2"),
        ("#+ param: body (person)\n", "unknown parameter kind 'person'"),
        ("#+ param: nowhere (body)\n", "?nowhere is not used"),
        ("#+ whatever\n", "line 2"),
    ],
)
def test_a_malformed_header_names_the_file_and_what_is_wrong(
    tmp_path: Path, header: str, message: str
) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("#+ summary: s\n" + header + "SELECT ?x ?body WHERE { ?x ?p ?body }\n")
    with pytest.raises(QueryError, match=r"bad\.rq") as err:
        parse_query_file(path)
    assert message in str(err.value)


def test_a_query_needs_a_summary(tmp_path: Path) -> None:
    path = tmp_path / "nosummary.rq"
    path.write_text("SELECT ?x WHERE { ?x ?p ?o }\n")
    with pytest.raises(QueryError, match="summary"):
        parse_query_file(path)


def test_unknown_query_names_the_available_ones() -> None:
    with pytest.raises(UnknownNameError) as err:
        load_query("weak-link")
    assert "weak-links" in err.value.candidates
    assert "judgements" in str(err.value)
    with pytest.raises(UnknownNameError):
        load_query("../store")


def test_param_pairs() -> None:
    assert parse_param_pairs(["authority=bournemouth", "body-type=LSCB", "topic=a=b"]) == {
        "authority": "bournemouth",
        "body_type": "LSCB",
        "topic": "a=b",
    }
    with pytest.raises(ParameterError, match="KEY=VALUE"):
        parse_param_pairs(["bournemouth"])
    with pytest.raises(ParameterError, match="twice"):
        parse_param_pairs(["body=a", "body=b"])


def test_evidence_lists_are_put_in_paragraph_order() -> None:
    assert sort_evidence("115, 108, area-information/19, 9") == "9, 108, 115, area-information/19"


def test_every_query_lists_with_its_parameters() -> None:
    queries = {q.name: q for q in list_queries()}
    weak = queries["weak-links"]
    assert [p.name for p in weak.params] == ["authority", "body_type"]
    assert all(p.optional for p in weak.params)
    assert not queries["body-links"].param("body").optional


# ---------------------------------------------------------------- parameters


def test_parameters_resolve_by_name_acronym_key_or_iri(bournemouth_store: Any) -> None:
    from graph import iri

    query = load_query("weak-links")
    bound = resolve_params(
        bournemouth_store, query, {"authority": "Bournemouth Borough Council", "body_type": "LSCB"}
    )
    assert bound["authority"].value == iri.body("bournemouth", "local-authority")
    assert bound["body_type"].value == iri.body_type("lscb")
    bound = resolve_params(bournemouth_store, query, {"body_type": "bt:housing"})
    assert bound["body_type"].value == iri.body_type("housing")
    topic = resolve_params(bournemouth_store, load_query("topic-paragraphs"), {"topic": "cse"})
    assert topic["topic"].value == iri.topic("cse")
    # a topic may also be a body type: paragraphs mention both
    fjb = resolve_params(bournemouth_store, load_query("topic-paragraphs"), {"topic": "FJB"})
    assert fjb["topic"].value == iri.body_type("family-justice-board")
    body = resolve_params(bournemouth_store, load_query("body-links"), {"body": "lscb"})
    assert body["body"].value == iri.body("bournemouth", "lscb")


def test_a_body_name_is_looked_up_within_the_authority(bournemouth_store: Any) -> None:
    query = load_query("body-links")
    with pytest.raises(AmbiguousNameError):
        resolve_params(bournemouth_store, query, {"body": "local authority"})
    bound = resolve_params(
        bournemouth_store, query, {"body": "local authority", "authority": "poole"}
    )
    assert bound["body"].value.endswith("/body/poole/local-authority")


def test_missing_and_unknown_parameters_list_what_the_query_takes(
    bournemouth_store: Any,
) -> None:
    with pytest.raises(ParameterError, match="needs --param body") as err:
        run_named_query(bournemouth_store, "body-links", {})
    assert "authority=<authority>, optional" in str(err.value)
    with pytest.raises(ParameterError, match="no parameter 'colour'") as err:
        run_named_query(bournemouth_store, "weak-links", {"colour": "red"})
    assert "body_type=<body-type>" in str(err.value)


@pytest.mark.parametrize(
    "name, params",
    [
        ("weak-links", {"authority": "Narnia"}),
        ("body-links", {"body": "Ministry of Magic"}),
        ("topic-paragraphs", {"topic": "quidditch"}),
        ("judgements", {"area": "astronomy"}),
    ],
)
def test_a_value_that_names_nothing_is_an_unknown_name(
    bournemouth_store: Any, name: str, params: dict[str, str]
) -> None:
    with pytest.raises(UnknownNameError) as err:
        run_named_query(bournemouth_store, name, params)
    assert err.value.exit_code == 2


INJECTIONS = [
    '"} ; DROP ALL ; #',
    "} ; DROP ALL",
    "bournemouth> } DROP ALL { <x",
    "'; DELETE WHERE { ?s ?p ?o } #",
    'LSCB" . ?s ?p ?o . FILTER("',
    "<https://w3id.org/sgkg/id/body/bournemouth/lscb> } ; CLEAR ALL ; {",
]


class RecordingStore:
    """The store, noting every SPARQL text it is given."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.texts: list[str] = []

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        self.texts.append(sparql)
        return self.store.query(sparql, bindings)

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        self.texts.append(sparql)
        return self.store.select(sparql, bindings)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(
    "name, param",
    [
        ("weak-links", "authority"),
        ("weak-links", "body_type"),
        ("body-links", "body"),
        ("topic-paragraphs", "topic"),
    ],
)
def test_parameter_values_are_bound_never_pasted(
    bournemouth_store: Any, name: str, param: str, value: str
) -> None:
    before = bournemouth_store.canonical_dump()
    recorder = RecordingStore(bournemouth_store)
    given = {param: value}
    if name == "topic-paragraphs" and param != "topic":
        given["topic"] = "CSE"
    with pytest.raises(UnknownNameError):
        run_named_query(recorder, name, given)
    assert recorder.texts, "the lookup asked the store nothing"
    assert not any(value.strip() in text for text in recorder.texts)
    assert bournemouth_store.canonical_dump() == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(min_size=1, max_size=40))
def test_any_text_as_a_parameter_is_either_a_name_or_a_user_error(
    bournemouth_store: Any, value: str
) -> None:
    before = len(bournemouth_store)
    for name, param in (("body-links", "body"), ("weak-links", "authority")):
        with contextlib.suppress(UserError):  # an unknown or ambiguous name: fine
            run_named_query(bournemouth_store, name, {param: value})
    assert len(bournemouth_store) == before


# ---------------------------------------------------------------- the answers


def test_weak_links_of_bournemouth_cite_paragraphs_and_quote_the_report(
    bournemouth_store: Any,
) -> None:
    found = rows(bournemouth_store, "weak-links", authority="bournemouth")
    assert {r["quality"] for r in found} == {"weak", "absent"}
    housing = find(found, source="Housing in Bournemouth", target=LSCB, kind="member of")
    assert housing["quality"] == "absent"
    assert paragraphs(housing) == {"112"}
    assert "no strategic representation from housing" in housing["quote"]
    assert housing["report"] == "bournemouth/2014-06-30"
    for board in (
        "Dorset Family Justice Board",
        "Dorset MAPPA Strategic Management Board",
        "Bournemouth community safety partnership",
    ):
        row = find(found, source=LSCB, target=board)
        assert row["quality"] == "weak"
        assert row["paragraphs"] == "108, 115"  # in paragraph order
    annual = find(found, source=LSCB, target="Chief Executive of Bournemouth Borough Council")
    assert (annual["kind"], annual["quality"], annual["paragraphs"]) == (
        "annual report to",
        "weak",
        "117",
    )
    # absent comes first: the worst news leads
    assert found[0]["quality"] == "absent"


def test_weak_links_for_one_body_type(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "weak-links", authority="bournemouth", body_type="housing")
    assert found
    assert all("Housing" in r["source"] or "Housing" in r["target"] for r in found)
    lscb_only = rows(bournemouth_store, "weak-links", body_type="LSCB")
    assert all(LSCB in (r["source"], r["target"]) for r in lscb_only)
    assert len(lscb_only) < len(rows(bournemouth_store, "weak-links"))


def test_all_links_of_the_lscb_in_and_out(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "body-links", body="LSCB")
    observer = find(found, source="Bournemouth Lead Member for Education and Children's Services")
    assert (observer["direction"], observer["kind"], observer["quality"]) == (
        "in",
        "observer of",
        "effective",
    )
    assert paragraphs(observer) == {"121"}
    hwb = find(found, target="Bournemouth and Poole Health and Wellbeing Board", kind="reports to")
    assert (hwb["direction"], hwb["quality"], hwb["paragraphs"]) == ("out", "effective", "114")
    assert all(LSCB in (r["source"], r["target"]) for r in found)


def test_who_sits_on_chairs_and_observes_the_lscb(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "board-members", board="LSCB")
    roles = {(r["role"], r["member"]) for r in found}
    assert ("observer", "Bournemouth Lead Member for Education and Children's Services") in roles
    assert ("chair", f"Chair of the {LSCB}") in roles
    assert ("member", f"Lay member of the {LSCB}") in roles
    housing = find(found, member="Housing in Bournemouth")
    assert (housing["role"], housing["quality"], housing["paragraphs"]) == (
        "member",
        "absent",
        "112",
    )
    assert [r["role"] for r in found] == sorted(
        (r["role"] for r in found), key=["chair", "member", "observer", "sub-group"].index
    )


def test_who_the_lscb_reports_to_and_who_gets_its_annual_report(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "reports-to", body="LSCB")
    assert {r["kind"] for r in found} <= {"reports to", "accountable to", "annual report to"}
    chief = find(found, target="Chief Executive of Bournemouth Borough Council")
    assert (chief["kind"], chief["quality"], chief["paragraphs"]) == (
        "annual report to",
        "weak",
        "117",
    )
    annual = rows(bournemouth_store, "annual-report", authority="bournemouth")
    recipient = find(annual, recipient="Chief Executive of Bournemouth Borough Council")
    assert (recipient["board"], recipient["quality"]) == (LSCB, "weak")
    assert "does not meet statutory requirements" in recipient["quote"]


def test_bodies_without_any_reporting_or_accountability_link(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "unaccountable-bodies", authority="bournemouth")
    names = {r["body"] for r in found}
    # the Family Justice Board only "works with" the LSCB (paras 108, 115)
    assert "Dorset Family Justice Board" in names
    # the LSCB sends its annual report to the Chief Executive; children's services
    # report to the LSCB: both have evidenced accountability links
    assert LSCB not in names
    assert "Bournemouth children's services" not in names
    # housing's only link with the board is absent, which does not count
    assert "Housing in Bournemouth" in names


def test_judgements_of_bournemouth_by_area(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "judgements", authority="bournemouth")
    grades = {r["judgementArea"]: r["grade"] for r in found}
    assert grades == {
        "Overall effectiveness": "requires improvement",
        "Children who need help and protection": "requires improvement",
        "Children looked after and achieving permanence": "requires improvement",
        "Adoption performance": "good",
        "Experiences and progress of care leavers": "requires improvement",
        "Leadership, management and governance": "requires improvement",
        "Effectiveness of the Local Safeguarding Children Board": "requires improvement",
    }
    assert found[0]["judgementArea"] == "Overall effectiveness"
    lscb = find(found, judgementArea="Effectiveness of the Local Safeguarding Children Board")
    assert lscb["subject"] == LSCB
    assert lscb["evidence"] == "judgement-table"


def test_judgements_across_the_store_and_for_one_area(bournemouth_store: Any) -> None:
    everything = rows(bournemouth_store, "judgements")
    assert len(everything) == 7
    adoption = rows(bournemouth_store, "judgements", area="adoption")
    assert [(r["report"], r["grade"]) for r in adoption] == [("bournemouth/2014-06-30", "good")]
    counts = rows(bournemouth_store, "grade-counts", area="Adoption performance")
    assert [(r["grade"], r["reports"], r["authorities"]) for r in counts] == [
        ("good", 1, "bournemouth")
    ]


def test_areas_for_improvement_with_the_bodies_asked_to_act(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "areas-for-improvement", authority="bournemouth")
    assert [r["number"] for r in found] == [*range(21, 31), *range(106, 112)]
    housing = find(found, number=111)
    assert housing["subject"] == "LSCB"
    assert set(housing["addressedTo"].split("; ")) >= {"Housing in Bournemouth", LSCB}
    assert "member of" in housing["answers"] and "(absent)" in housing["answers"]
    fjb = find(found, number=108)
    assert "Dorset Family Justice Board (weak)" in fjb["answers"]
    assert find(found, number=21)["subject"] == "local authority"
    to_housing = rows(bournemouth_store, "areas-for-improvement", body="housing")
    assert [r["number"] for r in to_housing] == [111]


def test_paragraphs_about_a_topic(bournemouth_store: Any) -> None:
    cse = rows(bournemouth_store, "topic-paragraphs", topic="CSE", authority="bournemouth")
    numbers = {r["paragraph"] for r in cse}
    assert {"5", "21", "106", "118"} <= numbers
    p118 = find(cse, paragraph="118")
    assert p118["judgementArea"] == "Effectiveness of the Local Safeguarding Children Board"
    assert "sexual exploitation" in p118["text"].lower() or "CSE" in p118["text"]
    fostering = rows(bournemouth_store, "topic-paragraphs", topic="private fostering")
    assert {"16", "122"} <= {r["paragraph"] for r in fostering}
    fjb = rows(bournemouth_store, "topic-paragraphs", topic="Family Justice Board")
    assert {r["paragraph"] for r in fjb} == {"108", "115"}


def test_what_changed_since_the_previous_inspections(bournemouth_store: Any) -> None:
    found = rows(bournemouth_store, "changes-since-previous", authority="bournemouth")
    adoption = next(r for r in found if "adoption" in r["inspected"])
    assert (adoption["previousGrade"], adoption["nowGrade"], adoption["change"]) == (
        "outstanding",
        "good",
        "worse",
    )
    safeguarding = next(r for r in found if "safeguarding" in r["inspected"])
    assert safeguarding["nowArea"] == "Children who need help and protection"
    assert (safeguarding["previousGrade"], safeguarding["change"]) == ("good", "worse")
    private = next(r for r in found if "private fostering" in r["inspected"])
    assert (private["previousGrade"], private["change"]) == ("inadequate", "not comparable")


def test_reports_bodies_and_findings(bournemouth_store: Any) -> None:
    reports = rows(bournemouth_store, "reports")
    assert [(r["report"], r["published"], r["overall"], r["lscb"]) for r in reports] == [
        ("bournemouth/2014-06-30", "2014-06-30", "requires improvement", "requires improvement")
    ]
    boards = rows(bournemouth_store, "bodies", authority="bournemouth", body_type="LSCB")
    assert [(r["body"], r["serves"]) for r in boards] == [(LSCB, "bournemouth")]
    assert "LSCB" in boards[0]["alsoCalled"]
    assert boards[0]["links"] >= 20
    findings = rows(bournemouth_store, "body-findings", body="housing")
    assert {(r["number"], r["how"]) for r in findings} >= {
        (111, "addressed to it"),
        (112, "concerns it"),
    }


# ---------------------------------------------------------------- the command line


def run_cli(store: Any, *args: str) -> Any:
    from cli import cli

    return CliRunner().invoke(cli, ["--store", str(store.path), *args])


def test_cli_list_shows_names_summaries_and_parameters(bournemouth_store: Any) -> None:
    result = run_cli(bournemouth_store, "query", "--list")
    assert result.exit_code == 0, result.output
    for name in EXPECTED_QUERIES:
        assert name in result.output
    assert "authority?, body_type?" in result.output
    detail = run_cli(bournemouth_store, "query", "weak-links", "--list")
    assert detail.exit_code == 0
    assert "body_type (body-type, optional)" in detail.output
    assert "sgkg query weak-links --param authority=bournemouth" in detail.output
    as_json = json.loads(run_cli(bournemouth_store, "query", "--list", "--format", "json").output)
    assert {q["name"] for q in as_json} >= EXPECTED_QUERIES


def test_cli_answers_the_headline_question(bournemouth_store: Any) -> None:
    result = run_cli(bournemouth_store, "query", "weak-links", "--param", "authority=bournemouth")
    assert result.exit_code == 0, result.output
    assert "Housing in Bournemouth" in result.output
    assert "absent" in result.output and "108, 115" in result.output
    csv_out = run_cli(
        bournemouth_store, "query", "weak-links", "-p", "authority=bournemouth", "--format", "csv"
    )
    header = csv_out.output.splitlines()[0]
    # no parameter echo; "how" says curated or extracted
    assert header == "report,source,kind,target,quality,how,paragraphs,quote"
    data = json.loads(
        run_cli(
            bournemouth_store, "query", "judgements", "-p", "area=adoption", "--format", "json"
        ).output
    )
    assert data["results"]["bindings"][0]["grade"]["value"] == "good"


def test_cli_prints_the_sparql_of_a_query(bournemouth_store: Any) -> None:
    result = run_cli(bournemouth_store, "query", "weak-links", "--sparql")
    assert result.exit_code == 0
    assert result.output.startswith("#+ summary:")
    assert "SELECT" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "weak-link"], "available: "),
        (["query", "body-links"], "needs --param body"),
        (["query", "weak-links", "-p", "colour=red"], "no parameter 'colour'"),
        (["query", "weak-links", "-p", "bournemouth"], "KEY=VALUE"),
        (["query", "body-links", "-p", "body=Famly Justise"], "no body called"),
        (["query", "weak-links", "-p", "authority=} ; DROP ALL"], "no local authority"),
    ],
)
def test_cli_bad_input_exits_2_and_says_what_is_available(
    bournemouth_store: Any, args: list[str], message: str
) -> None:
    before = len(bournemouth_store)
    result = run_cli(bournemouth_store, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(bournemouth_store) == before


def test_cli_unknown_body_suggests_the_closest(bournemouth_store: Any) -> None:
    result = run_cli(bournemouth_store, "query", "body-links", "-p", "body=Famly Justise")
    assert "Did you mean: " in result.output
    assert "Dorset Family Justice Board" in result.output
