"""Candidature rules that judge the facts alone (applicant, experts,
expertise findings), on facts built by hand."""
from __future__ import annotations

from analysis.applicant import Applicant
from analysis.evidence import Evidence
from analysis.experts import Expert
from analysis.expertise import BasisFinding, StatusFinding
from analysis.facts import CandidatureFacts
from analysis.people import PersonName
from checks import evaluate
from extractors.model import Submission

SEEN = [Evidence("dossier.docx", 1, "…")]


def expert(name: str, function: str | None = "Directrice des espaces verts",
           qualifications: str | None = "Ingénieure paysagiste", category: str | None = "agent") -> Expert:
    return Expert(PersonName(*name.split(" ", 1)), function, None, qualifications, category, SEEN)


def facts(applicant_type: str | None = "commune", experts: list[Expert] | None = None) -> CandidatureFacts:
    return CandidatureFacts(
        submission=Submission("dossier.docx", "0" * 64, []),
        applicant=Applicant("Ville de Montreuil", applicant_type, SEEN) if applicant_type else None,
        expertise_status=StatusFinding("pass", "Compétences décrites.", SEEN),
        basis=BasisFinding("pass", "territoire", SEEN, "Expertise démontrée."),
        experts=[expert("Claire Martin"), expert("Paul Durand", category="elu")] if experts is None else experts)


def judged(f: CandidatureFacts):
    results, verdict = evaluate("candidature", f)
    return {r.id: r for r in results}, verdict


def test_applicant_eligibility_follows_its_type():
    assert judged(facts("commune"))[0]["applicant.eligible"].message == "« Ville de Montreuil » : commune."
    assert judged(facts("epci"))[0]["applicant.eligible"].status == "pass"
    assert judged(facts("autre"))[0]["applicant.eligible"].status == "fail"
    assert judged(facts(None))[0]["applicant.eligible"].status == "review"


def test_expertise_findings_are_judged_as_found():
    f = facts()
    f.expertise_status = StatusFinding("review", "Compétences à préciser.", SEEN)
    f.basis = BasisFinding("fail", None, [], "Aucune expertise démontrée.")
    results, verdict = judged(f)
    assert (results["expertise.described"].status, results["expertise.described"].message) == \
        ("review", "Compétences à préciser.")
    assert results["expertise.basis"].status == "fail"
    assert verdict == "incomplete"


def test_every_expert_needs_a_function_and_qualifications():
    results, _ = judged(facts())
    assert results["experts.named"].message == "2 experts nommés : Claire Martin, Paul Durand."
    assert results["experts.function"].status == results["experts.qualifications"].status == "pass"
    results, _ = judged(facts(experts=[expert("Claire Martin", function=None),
                                       expert("Paul Durand", qualifications=None)]))
    assert results["experts.function"].message == "Fonctions absentes pour 1 expert sur 2 : Claire Martin."
    assert results["experts.qualifications"].status == "fail"


def test_expert_categories():
    results, _ = judged(facts())
    assert results["experts.eligible"].message == "Experts éligibles : 1 agent territorial, 1 élu."
    results, _ = judged(facts(experts=[expert("Claire Martin", category="autre")]))
    assert results["experts.eligible"].status == "fail"
    results, _ = judged(facts(experts=[expert("Claire Martin", category=None)]))
    assert results["experts.eligible"].status == "review"


def test_no_expert_fails_all_four_expert_rules():
    results, verdict = judged(facts(experts=[]))
    assert {results[k].status for k in ("experts.named", "experts.function", "experts.qualifications",
                                        "experts.eligible")} == {"fail"}
    assert verdict == "incomplete"


def test_a_function_left_to_be_specified_is_for_a_person_to_check():
    results, _ = judged(facts(experts=[expert("Claire Martin", function="Fonction à préciser"),
                                       expert("Paul Durand", category="elu")]))
    assert (results["experts.function"].status, results["experts.function"].message) == \
        ("review", "Fonctions laissées « à préciser » pour 1 expert sur 2 : Claire Martin.")
