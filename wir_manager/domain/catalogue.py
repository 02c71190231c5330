"""Reference content of the programme (docs/domain.md): the default training
curriculum, well-known organisations and affiliates. New databases start with the
curriculum; demo data draws on the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from wir_manager.domain.enums import AffiliateKind, OrganisationKind


@dataclass(frozen=True)
class ModuleSpec:
    title: str
    description: str
    mandatory: bool = True


DEFAULT_MODULES: tuple[ModuleSpec, ...] = (
    ModuleSpec(
        "The Wikimedia movement and its projects",
        "Projects, affiliates, governance and community norms.",
    ),
    ModuleSpec(
        "Working inside an intergovernmental organisation",
        "Governance, mandates and neutrality for residents inside IGOs.",
    ),
    ModuleSpec(
        "Open licences for IGO content",
        "CC BY-SA, CC BY 3.0 IGO, CC0: what can and cannot go on Commons.",
    ),
    ModuleSpec(
        "Conflict of interest and paid-editing disclosure",
        "Disclosure rules on Wikimedia projects and how residents follow them.",
    ),
    ModuleSpec(
        "Wikidata for institutional data",
        "Modelling, batch editing with QuickStatements, SPARQL queries.",
    ),
    ModuleSpec(
        "Commons batch uploads and Structured Data on Commons",
        "OpenRefine, Pattypan, licensing checks, SDC statements.",
    ),
    ModuleSpec(
        "Running edit-a-thons and training staff",
        "Planning events and onboarding newcomers.",
        mandatory=False,
    ),
    ModuleSpec(
        "Measuring and reporting impact",
        "Metrics, the Programs & Events Dashboard, reports for partners.",
    ),
    ModuleSpec(
        "Language and translation work across Wikipedias",
        "Content Translation and multilingual coordination.",
        mandatory=False,
    ),
)


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    acronym: str
    kind: OrganisationKind
    country: str
    city: str


ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        "United Nations Educational, Scientific and Cultural Organization",
        "UNESCO",
        OrganisationKind.UN_AGENCY,
        "FR",
        "Paris",
    ),
    OrganisationSpec(
        "World Health Organization", "WHO", OrganisationKind.UN_AGENCY, "CH", "Geneva"
    ),
    OrganisationSpec(
        "United Nations Environment Programme", "UNEP", OrganisationKind.UN_AGENCY, "KE", "Nairobi"
    ),
    OrganisationSpec("UN Women", "UN Women", OrganisationKind.UN_AGENCY, "US", "New York"),
    OrganisationSpec(
        "Food and Agriculture Organization", "FAO", OrganisationKind.UN_AGENCY, "IT", "Rome"
    ),
    OrganisationSpec(
        "United Nations Development Programme", "UNDP", OrganisationKind.UN_AGENCY, "US", "New York"
    ),
    OrganisationSpec(
        "UNHCR, the UN Refugee Agency", "UNHCR", OrganisationKind.UN_AGENCY, "CH", "Geneva"
    ),
    OrganisationSpec("UNICEF", "UNICEF", OrganisationKind.UN_AGENCY, "US", "New York"),
    OrganisationSpec(
        "International Labour Organization", "ILO", OrganisationKind.UN_AGENCY, "CH", "Geneva"
    ),
    OrganisationSpec(
        "International Telecommunication Union", "ITU", OrganisationKind.UN_AGENCY, "CH", "Geneva"
    ),
    OrganisationSpec(
        "World Intellectual Property Organization",
        "WIPO",
        OrganisationKind.UN_AGENCY,
        "CH",
        "Geneva",
    ),
    OrganisationSpec(
        "World Meteorological Organization", "WMO", OrganisationKind.UN_AGENCY, "CH", "Geneva"
    ),
    OrganisationSpec(
        "United Nations Population Fund", "UNFPA", OrganisationKind.UN_AGENCY, "US", "New York"
    ),
    OrganisationSpec(
        "International Fund for Agricultural Development",
        "IFAD",
        OrganisationKind.UN_AGENCY,
        "IT",
        "Rome",
    ),
    OrganisationSpec("UN-Habitat", "UN-Habitat", OrganisationKind.UN_AGENCY, "KE", "Nairobi"),
    OrganisationSpec(
        "Organisation for Economic Co-operation and Development",
        "OECD",
        OrganisationKind.IGO,
        "FR",
        "Paris",
    ),
    OrganisationSpec("African Union", "AU", OrganisationKind.IGO, "ET", "Addis Ababa"),
    OrganisationSpec("Council of Europe", "CoE", OrganisationKind.IGO, "FR", "Strasbourg"),
    OrganisationSpec("European Space Agency", "ESA", OrganisationKind.IGO, "FR", "Paris"),
    OrganisationSpec(
        "International Organization for Migration", "IOM", OrganisationKind.IGO, "CH", "Geneva"
    ),
    OrganisationSpec(
        "International Union for Conservation of Nature",
        "IUCN",
        OrganisationKind.INGO,
        "CH",
        "Gland",
    ),
    OrganisationSpec(
        "International Committee of the Red Cross", "ICRC", OrganisationKind.INGO, "CH", "Geneva"
    ),
    OrganisationSpec("Europeana Foundation", "Europeana", OrganisationKind.INGO, "NL", "The Hague"),
)


AFFILIATES: tuple[tuple[str, AffiliateKind, str], ...] = (
    ("Wikimedia Sverige", AffiliateKind.CHAPTER, "SE"),
    ("Wikimedia Deutschland", AffiliateKind.CHAPTER, "DE"),
    ("Wikimedia France", AffiliateKind.CHAPTER, "FR"),
    ("Wikimedia Czech Republic", AffiliateKind.CHAPTER, "CZ"),
    ("Wikimedia España", AffiliateKind.CHAPTER, "ES"),
    ("Wikimedia Argentina", AffiliateKind.CHAPTER, "AR"),
    ("Wikimedia México", AffiliateKind.CHAPTER, "MX"),
    ("Wikimedia Bangladesh", AffiliateKind.CHAPTER, "BD"),
    ("Wikimedia India", AffiliateKind.CHAPTER, "IN"),
    ("Wikimedia Russia", AffiliateKind.CHAPTER, "RU"),
    ("Wikimedia Ukraine", AffiliateKind.CHAPTER, "UA"),
    ("Wikimedia Taiwan", AffiliateKind.CHAPTER, "TW"),
    ("Wikimedia Community User Group Ghana", AffiliateKind.USER_GROUP, "GH"),
    ("Wikimedians of Nigeria", AffiliateKind.USER_GROUP, "NG"),
    ("Wiki Arabic", AffiliateKind.USER_GROUP, "EG"),
    ("Wikimedians of Kenya", AffiliateKind.USER_GROUP, "KE"),
    ("Wikimedia Community User Group Brazil", AffiliateKind.USER_GROUP, "BR"),
    ("Wikimedians of Iran", AffiliateKind.USER_GROUP, "IR"),
    ("Wikimedia Tanzania", AffiliateKind.USER_GROUP, "TZ"),
    ("Wikimedians of Ethiopia", AffiliateKind.USER_GROUP, "ET"),
    ("Wikimedia Nepal", AffiliateKind.USER_GROUP, "NP"),
    ("Wikimedia Community User Group China", AffiliateKind.USER_GROUP, "CN"),
    ("Art+Feminism", AffiliateKind.THEMATIC, "US"),
    ("WikiProject Med Foundation", AffiliateKind.THEMATIC, "US"),
)
