//! `inspira new case <slug>`: a commented skeleton a contributor fills in.

use std::path::{Path, PathBuf};

use crate::content::check_slug;
use crate::diagnostics::{Code, Diagnostic};
use crate::vocabulary::{Dimension, Vocabulary};

/// Writes `content/cases/<slug>.md` and returns its path relative to the root.
pub fn new_case(root: &Path, slug: &str) -> Result<PathBuf, Diagnostic> {
    check_slug(slug).map_err(|problem| {
        Diagnostic::error(
            Code::BadSlug,
            format!("`{slug}` {problem}, so it cannot be a slug"),
        )
        .help(format!(
            "try `{}`: slugs use only a–z, 0–9 and -",
            slug::slugify(slug)
        ))
    })?;
    let relative = Path::new("content")
        .join("cases")
        .join(format!("{slug}.md"));
    let path = root.join(&relative);
    if path.exists() {
        return Err(Diagnostic::error(Code::Exists, "the case already exists")
            .in_file(&relative)
            .help("edit the existing file, or choose another slug"));
    }
    let vocabulary = Vocabulary::load(root).map_err(|d| {
        d.into_iter().next().unwrap_or_else(|| {
            Diagnostic::error(Code::Vocabulary, "the vocabularies could not be read")
        })
    })?;
    let text = skeleton(&vocabulary);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(Code::Io, format!("could not create {}: {e}", dir.display()))
        })?;
    }
    std::fs::write(&path, text).map_err(|e| {
        Diagnostic::error(Code::Io, format!("could not write the file: {e}")).in_file(&relative)
    })?;
    Ok(relative)
}

fn term_list(vocabulary: &Vocabulary, dimension: Dimension) -> String {
    let ids: Vec<&str> = vocabulary.dimension(dimension).ids().collect();
    let mut out = String::new();
    let mut line = String::from("#   ");
    for id in ids {
        if line.len() + id.len() > 100 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from("#   ");
        }
        line.push_str(id);
        line.push_str(", ");
    }
    out.push_str(line.trim_end().trim_end_matches(','));
    out
}

fn first_term(vocabulary: &Vocabulary, dimension: Dimension) -> &str {
    vocabulary.dimension(dimension).ids().next().unwrap_or("")
}

/// The skeleton: every field, with comments saying what goes there. Required text is left as `""`,
/// which `inspira check` reports until it is filled in.
pub fn skeleton(vocabulary: &Vocabulary) -> String {
    let focus = first_term(vocabulary, Dimension::FocusAreas);
    let factor = first_term(vocabulary, Dimension::SuccessFactors);
    let step = first_term(vocabulary, Dimension::ProcessSteps);
    format!(
        r#"---
# Ett nytt exempel. Fyll i alla fält som är tomma (""), ta bort kommentarer som du inte behöver.
# Hitta inte på: skriv okänt där källan inte anger datum, vision eller vem som antog dokumentet.
# Fälten beskrivs i docs/content-model.md. Kontrollera med: inspira check
title: ""                    # Namnet läsarna känner exemplet under, t.ex. kommunens namn
kind: kommun                 # kommun | region | kommunförbund
place: ""                    # Kommun, region eller förbund
county: ""                   # Län, t.ex. Stockholms län
summary: ""                  # En eller två meningar om exemplet (visas i listor och sökresultat)

document:                    # Strategidokumentet som exemplet handlar om
  title: ""
  type: strategi             # strategi | program | handlingsplan | rapport | modell
  adopted: "2020"            # Antagandedatum: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ, "omkring 2020" eller okänt
  adopted_by: ""             # T.ex. Kommunfullmäktige, eller okänt
  # published: "2020"        # För en rapport eller ett dokument som ges ut snarare än antas
  # valid: 2020–2024         # Giltighetstiden med dokumentets egna ord
  # valid_until: "2024"      # Sista året: därefter visas dokumentet som utgånget
  status: gällande           # gällande | under arbete | under revidering | ersatt | avslutad
  status_checked: "2020"     # När statusen stämde, t.ex. källans år
  source: kalla-1            # id för en källa i listan sources längst ned

facts:                       # Nyckeltal: varje siffra med datum och källa
  - kind: population         # population | population_growth | unemployment | foreign_born | other
    value: 0                 # Bara siffror, punkt som decimaltecken: 29272 eller 8.3
    unit: invånare
    # scope: riket           # Om siffran inte gäller exemplet självt: länet, riket eller en ort
    # group: ""              # Om den gäller en grupp, t.ex. "utrikes födda, 15–74 år"
    # goal: true             # Om siffran är ett mål och inte ett utfall
    date: "2020-12-31"
    source: kalla-1

vision:                      # Eller, om källan inte anger någon vision: vision: okänt
  text: ""                   # Visionen ordagrant som dokumentet skriver den
  source: kalla-1

process:                     # Hur strategin togs fram
  steps:                     # Stegen i tidsordning
    - date: "2020"           # ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ, "omkring 2020", okänt, eller härlett ur källan:
                             #   date:
                             #     derived: "2020"
                             #     note: Sju månader före beslutet i juni 2021, enligt källan.
      step: {step}
      # planned: true        # Om steget var planerat men inte genomfört när källan skrevs
      text: ""               # Vad som hände, med egna ord
      source: kalla-1
# Processteg (step):
{steps}

focus_areas:                 # Fokusområden med kommunens egna ord (label), kopplade till gemensamma begrepp (term)
  - term: {focus}
    label: ""
# Fokusområden (term):
{focus_list}

success_factors:             # Framgångsfaktorer och lärdomar; outcome: lärdom för det som inte fungerade
  - term: {factor}
    label: ""
# Framgångsfaktorer (term):
{factor_list}

quotes:                      # Korta citat, ordagrant, med talarens roll (inte namn)
  - text: ""
    speaker: ""              # Eller, när källan inte säger vem som talar: narration: ur KSL:s intervju med …
    source: kalla-1

# related:                   # Andra exempel som hänger ihop med det här; visas på båda exemplens sidor
#   - case: botkyrka
#     reason: ""             # Varför, med en mening

sources:                     # Alla dokument som exemplet bygger på
  - id: kalla-1
    title: ""
    publisher: ""
    year: 2020
---

## Bakgrund

<!-- Beskriv exemplet med egna ord, under rubriker som ## Bakgrund, ## Så togs strategin fram,
     ## Organisation och styrning, ## Lärdomar och ## Framtiden. Länka till andra exempel med
     [namn](@/cases/<slug>.md). Den här kommentaren syns inte på webbplatsen: ta bort den. -->
"#,
        steps = term_list(vocabulary, Dimension::ProcessSteps),
        focus_list = term_list(vocabulary, Dimension::FocusAreas),
        factor_list = term_list(vocabulary, Dimension::SuccessFactors),
    )
}
