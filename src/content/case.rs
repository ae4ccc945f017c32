//! The front matter of a case file, as typed Rust. `docs/content-model.md` documents every field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::date::PartialDate;

/// A reference to another item by id, remembering where in the file it was written.
pub type Ref = Spanned<String>;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseMeta {
    /// Namnet läsarna känner exemplet under, t.ex. kommunens namn.
    pub title: String,
    /// kommun, region eller kommunförbund.
    pub kind: CaseKind,
    /// Kommunen, regionen eller förbundet.
    pub place: String,
    /// Länet, t.ex. Stockholms län.
    pub county: String,
    /// En eller två meningar om exemplet; visas i listor och sökresultat.
    pub summary: String,
    /// När beskrivningen senast kontrollerades mot källorna.
    #[serde(default)]
    pub updated: Option<PartialDate>,
    /// Strategidokumentet som exemplet handlar om.
    pub document: StrategyDocument,
    /// Nyckeltal: varje siffra med datum och källa.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Visionen, ordagrant som dokumentet skriver den.
    pub vision: Vision,
    /// Hur strategin togs fram: daterade steg.
    pub process: Process,
    /// Fokusområden med exemplets egna ord, kopplade till gemensamma begrepp.
    pub focus_areas: Vec<TermUse>,
    /// Framgångsfaktorer och lärdomar, kopplade till gemensamma begrepp.
    pub success_factors: Vec<TermUse>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub child_perspective: Option<String>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    #[serde(default)]
    pub next_steps: Option<String>,
    /// Korta citat, ordagrant, med talarens roll och källa.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related: Vec<Ref>,
    /// Alla dokument som exemplet bygger på; andra fält hänvisar till deras id.
    pub sources: Vec<Source>,
}

/// What kind of body the case is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
pub enum CaseKind {
    #[serde(rename = "kommun")]
    Kommun,
    #[serde(rename = "region")]
    Region,
    #[serde(rename = "kommunförbund")]
    Kommunforbund,
}

impl CaseKind {
    /// The key of its label in the interface string tables.
    pub fn key(self) -> &'static str {
        match self {
            CaseKind::Kommun => "kind_kommun",
            CaseKind::Region => "kind_region",
            CaseKind::Kommunforbund => "kind_kommunforbund",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategyDocument {
    pub title: String,
    #[serde(rename = "type")]
    pub doc_type: DocumentType,
    #[serde(default)]
    pub adopted: Option<PartialDate>,
    #[serde(default)]
    pub adopted_by: Option<String>,
    #[serde(default)]
    pub valid: Option<String>,
    #[serde(default)]
    pub status: Option<DocumentStatus>,
    #[serde(default)]
    pub replaces: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[schemars(with = "String")]
    pub source: Ref,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DocumentType {
    Strategi,
    Program,
    Handlingsplan,
    Rapport,
}

impl DocumentType {
    /// The key of its label in the interface string tables.
    pub fn key(self) -> &'static str {
        match self {
            DocumentType::Strategi => "doc_strategi",
            DocumentType::Program => "doc_program",
            DocumentType::Handlingsplan => "doc_handlingsplan",
            DocumentType::Rapport => "doc_rapport",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum DocumentStatus {
    #[serde(rename = "gällande")]
    Gallande,
    #[serde(rename = "under arbete")]
    UnderArbete,
    #[serde(rename = "under revidering")]
    UnderRevidering,
    #[serde(rename = "ersatt")]
    Ersatt,
    #[serde(rename = "avslutad")]
    Avslutad,
}

impl DocumentStatus {
    /// The key of its label in the interface string tables.
    pub fn key(self) -> &'static str {
        match self {
            DocumentStatus::Gallande => "status_gallande",
            DocumentStatus::UnderArbete => "status_under_arbete",
            DocumentStatus::UnderRevidering => "status_under_revidering",
            DocumentStatus::Ersatt => "status_ersatt",
            DocumentStatus::Avslutad => "status_avslutad",
        }
    }
}

/// One key figure, with the date it refers to and where it comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub kind: FactKind,
    #[serde(default)]
    pub label: Option<String>,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Population,
    PopulationGrowth,
    Unemployment,
    ForeignBorn,
    Other,
}

impl FactKind {
    /// The label shown when a fact gives none of its own.
    pub fn default_label(self) -> &'static str {
        match self {
            FactKind::Population => "Invånare",
            FactKind::PopulationGrowth => "Befolkningsökning",
            FactKind::Unemployment => "Arbetslöshet",
            FactKind::ForeignBorn => "Utrikes födda",
            FactKind::Other => "Uppgift",
        }
    }

    pub const ALL: [FactKind; 5] = [
        FactKind::Population,
        FactKind::PopulationGrowth,
        FactKind::Unemployment,
        FactKind::ForeignBorn,
        FactKind::Other,
    ];

    /// The key of its default label in the interface string tables.
    pub fn key(self) -> &'static str {
        match self {
            FactKind::Population => "fact_population",
            FactKind::PopulationGrowth => "fact_population_growth",
            FactKind::Unemployment => "fact_unemployment",
            FactKind::ForeignBorn => "fact_foreign_born",
            FactKind::Other => "fact_other",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            FactKind::Population => "population",
            FactKind::PopulationGrowth => "population_growth",
            FactKind::Unemployment => "unemployment",
            FactKind::ForeignBorn => "foreign_born",
            FactKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vision {
    pub text: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
    #[serde(default)]
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Process {
    #[serde(default)]
    pub led_by: Option<String>,
    #[serde(default)]
    pub duration: Option<String>,
    #[serde(default)]
    pub resources: Option<String>,
    pub steps: Vec<ProcessStep>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessStep {
    #[schemars(with = "PartialDate")]
    pub date: Spanned<PartialDate>,
    #[schemars(with = "String")]
    pub step: Ref,
    pub text: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
}

/// A case's own wording for something, mapped onto a shared vocabulary term.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermUse {
    /// Id för ett gemensamt begrepp i content/vocabulary/.
    #[schemars(with = "String")]
    pub term: Ref,
    /// Exemplets egen formulering.
    pub label: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
}

/// Whether a success factor worked, or is a lesson from something that did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
pub enum Outcome {
    #[default]
    #[serde(rename = "framgång")]
    Framgang,
    #[serde(rename = "lärdom")]
    Lardom,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub indicators: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub speaker: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
}

/// A table of figures over time, charted by the site.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    #[schemars(with = "String")]
    pub id: Ref,
    pub title: String,
    pub unit: String,
    #[schemars(with = "String")]
    pub source: Ref,
    pub points: Vec<SeriesPoint>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    pub period: String,
    pub value: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(with = "String")]
    pub id: Ref,
    pub title: String,
    pub publisher: String,
    pub year: u16,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}
