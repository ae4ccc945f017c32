//! The front matter of a case file, as typed Rust. `docs/content-model.md` documents every field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::date::PartialDate;
use super::stated::{SourcedDate, Stated};

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
    /// Visionen, ordagrant som dokumentet skriver den, eller `okänt` när källan inte anger någon.
    pub vision: Stated<Vision>,
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
    /// Andra exempel som hänger ihop med det här, med slug och gärna skälet; visas på båda exemplens sidor.
    #[serde(default)]
    #[schemars(with = "Vec<RelatedLink>")]
    pub related: Vec<Spanned<RelatedLink>>,
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
    /// När dokumentet antogs; `okänt` när källan inte säger det.
    #[serde(default)]
    pub adopted: Option<SourcedDate>,
    /// Vem som antog det; `okänt` när källan inte säger det.
    #[serde(default)]
    pub adopted_by: Option<Stated<String>>,
    /// När dokumentet gavs ut (för en rapport, som ges ut snarare än antas).
    #[serde(default)]
    pub published: Option<SourcedDate>,
    /// Giltighetstiden med dokumentets egna ord, t.ex. 2015–2020.
    #[serde(default)]
    pub valid: Option<String>,
    /// Sista året (eller dagen) dokumentet gäller: efter det visas det som utgånget.
    #[serde(default)]
    pub valid_until: Option<PartialDate>,
    #[serde(default)]
    pub status: Option<DocumentStatus>,
    /// När statusen senast kontrollerades, t.ex. källans år.
    #[serde(default)]
    pub status_checked: Option<PartialDate>,
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
    /// En arbetsmodell eller metod, t.ex. Trelleborgsmodellen.
    Modell,
}

impl DocumentType {
    /// The key of its label in the interface string tables.
    pub fn key(self) -> &'static str {
        match self {
            DocumentType::Strategi => "doc_strategi",
            DocumentType::Program => "doc_program",
            DocumentType::Handlingsplan => "doc_handlingsplan",
            DocumentType::Rapport => "doc_rapport",
            DocumentType::Modell => "doc_modell",
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

/// One key figure, with what it measures (scope, group, unit, period), the date it refers to and where
/// it comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub kind: FactKind,
    #[serde(default)]
    pub label: Option<String>,
    pub value: f64,
    pub unit: String,
    /// Var siffran gäller: exemplet självt (standard), `länet`, `riket` eller en namngiven ort.
    #[serde(default, skip_serializing_if = "Scope::is_own")]
    pub scope: Scope,
    /// Den befolkningsgrupp siffran gäller, t.ex. "inrikes födda, 15–74 år"; utan: hela befolkningen.
    #[serde(default)]
    pub group: Option<String>,
    /// Ett mål, inte ett utfall.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub goal: bool,
    #[serde(default)]
    pub date: Option<SourcedDate>,
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

/// Where a figure applies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// The case's own municipality, region or area: `egen` (the default).
    #[default]
    Own,
    /// The county: `länet`.
    County,
    /// The whole country: `riket`.
    Country,
    /// Another named place, e.g. `Åre kommun` in a report about Skåne.
    Place(String),
}

impl Scope {
    pub fn is_own(&self) -> bool {
        *self == Scope::Own
    }

    /// The id used in exports and in the written form.
    pub fn id(&self) -> &str {
        match self {
            Scope::Own => "egen",
            Scope::County => "länet",
            Scope::Country => "riket",
            Scope::Place(name) => name,
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(match text.trim().to_lowercase().as_str() {
            "egen" | "own" | "kommunen" | "regionen" => Scope::Own,
            "länet" | "county" => Scope::County,
            "riket" | "sverige" | "country" => Scope::Country,
            _ => Scope::Place(text.trim().to_string()),
        })
    }
}

impl JsonSchema for Scope {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scope".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Where the figure applies: `egen` (the case itself, the default), `länet`, `riket`, or a named place such as `Åre kommun`.",
            "type": "string",
            "examples": ["riket", "länet", "Åre kommun"]
        })
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
    /// Datumet som källan ger det, `omkring 2009`, härlett (`derived:` med `note:`) eller `okänt`.
    #[schemars(with = "SourcedDate")]
    pub date: Spanned<SourcedDate>,
    #[schemars(with = "String")]
    pub step: Ref,
    pub text: String,
    /// Steget var planerat men inte genomfört när källan skrevs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
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
    /// En persons ord: personens roll (inte namnet).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Publikationens egen text, eller ett citat där källan inte anger vem som talar: vilken publikation
    /// det kommer ur, t.ex. "ur KSL:s intervju med Botkyrka kommun".
    #[serde(default)]
    pub narration: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
}

/// Another case this one is linked to: `stromsund`, or `{case: stromsund, reason: "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(untagged)]
pub enum RelatedLink {
    Slug(String),
    WithReason {
        case: String,
        #[serde(default)]
        reason: Option<String>,
    },
}

impl RelatedLink {
    pub fn case(&self) -> &str {
        match self {
            RelatedLink::Slug(s) | RelatedLink::WithReason { case: s, .. } => s,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            RelatedLink::Slug(_) => None,
            RelatedLink::WithReason { reason, .. } => reason.as_deref(),
        }
    }
}

impl<'de> Deserialize<'de> for RelatedLink {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            case: String,
            #[serde(default)]
            reason: Option<String>,
        }
        struct LinkVisitor;
        impl<'de> serde::de::Visitor<'de> for LinkVisitor {
            type Value = RelatedLink;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a case's slug, or `case:` with a slug and `reason:`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RelatedLink, E> {
                Ok(RelatedLink::Slug(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RelatedLink, A::Error> {
                let f = Fields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RelatedLink::WithReason {
                    case: f.case,
                    reason: f.reason,
                })
            }
        }
        deserializer.deserialize_any(LinkVisitor)
    }
}

impl Serialize for Stated<Vision> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Stated::Known(v) => v.serialize(serializer),
            Stated::NotInSource => serializer.serialize_str(super::stated::UNKNOWN_WORDS[0]),
        }
    }
}

impl<'de> Deserialize<'de> for Stated<Vision> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VisionVisitor;
        impl<'de> serde::de::Visitor<'de> for VisionVisitor {
            type Value = Stated<Vision>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the vision with `text:` and `source:`, or `okänt`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Stated<Vision>, E> {
                match Stated::<String>::deserialize(
                    serde::de::IntoDeserializer::<E>::into_deserializer(v),
                )? {
                    Stated::NotInSource => Ok(Stated::NotInSource),
                    Stated::Known(_) => {
                        Err(E::custom(crate::diagnostics::own_error("yaml-vision-form")))
                    }
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Stated<Vision>, A::Error> {
                Vision::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Stated::Known)
            }
        }
        deserializer.deserialize_any(VisionVisitor)
    }
}

impl JsonSchema for Stated<Vision> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "VisionOrUnknown".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let vision = generator.subschema_for::<Vision>();
        schemars::json_schema!({
            "description": "The vision, or `okänt` when the source states none.",
            "anyOf": [vision, { "type": "string", "enum": super::stated::UNKNOWN_WORDS }]
        })
    }
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
