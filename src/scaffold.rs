//! `inspira new case <name or slug>`: a commented skeleton with every field, for a contributor to fill in.

use std::path::{Path, PathBuf};

use crate::content::check_slug;
use crate::content::placeholder;
use crate::diagnostics::{Code, Diagnostic};
use crate::vocabulary::{Dimension, Vocabulary};

/// What `inspira new case` was asked for: a slug, or a place's name that the slug is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub slug: String,
    /// The name as given (`Åre`), which the skeleton writes as title and place.
    pub name: Option<String>,
}

impl NewCase {
    /// Reads the argument: a valid slug is taken as one (`orebro`); anything else as a name (`Åre`,
    /// `Upplands Väsby`), whose slug drops accents and writes spaces as `-` (`are`, `upplands-vasby`).
    pub fn parse(argument: &str) -> Result<NewCase, Diagnostic> {
        let argument = argument.trim();
        if check_slug(argument).is_ok() {
            return Ok(NewCase {
                slug: argument.to_string(),
                name: None,
            });
        }
        let slug = slug::slugify(argument);
        let path_like = argument.contains(['/', '\\']) || argument.contains("..");
        if path_like || check_slug(&slug).is_err() {
            return Err(Diagnostic::error(
                Code::BadSlug,
                crate::msg!("new-case-bad-name", name = argument),
            )
            .help(crate::msg!("new-case-bad-name-help")));
        }
        Ok(NewCase {
            slug,
            name: Some(argument.to_string()),
        })
    }
}

/// Writes `content/cases/<slug>.md` and returns its path relative to the root. An existing file is
/// never overwritten.
pub fn new_case(root: &Path, case: &NewCase) -> Result<PathBuf, Diagnostic> {
    let relative = Path::new("content")
        .join("cases")
        .join(format!("{}.md", case.slug));
    let path = root.join(&relative);
    if path.exists() {
        return Err(
            Diagnostic::error(Code::Exists, crate::msg!("new-case-exists"))
                .in_file(&relative)
                .help(crate::msg!("new-case-exists-help")),
        );
    }
    let vocabulary = Vocabulary::load(root).map_err(|d| {
        d.into_iter().next().unwrap_or_else(|| {
            Diagnostic::error(Code::Vocabulary, crate::msg!("new-case-no-vocabulary"))
        })
    })?;
    let text = skeleton(&vocabulary, case);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(
                Code::Io,
                crate::msg!(
                    "folder-not-created",
                    folder = dir.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
    }
    // `create_new`: a file that appeared since the check above is not overwritten either.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|e| {
            Diagnostic::error(
                Code::Io,
                crate::msg!("file-not-written", error = e.to_string()),
            )
            .in_file(&relative)
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

/// A YAML string: the text in double quotes, escaped as JSON (which YAML reads the same way).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// The skeleton: every field of the content model, each with a comment saying what goes there.
/// Required fields are written out, optional ones commented out (`# field:`, uncommented by deleting
/// `# `). Text to fill in is `""`, which `inspira check` reports as empty; where a value must be of
/// another type, a [`placeholder`] stands in, which `check` reports until it is replaced.
pub fn skeleton(vocabulary: &Vocabulary, case: &NewCase) -> String {
    let name = quoted(case.name.as_deref().unwrap_or(""));
    let text = format!(
        r#"---
# Ett nytt exempel. Fyll i alla fält som står som "" och byt ut mallens platshållare: året {year}
# i datumen ({year_number} som källans år), källan {source} och value: {figure}. Hitta inte på: skriv
# okänt där källan inte anger datum, vision eller vem som antog dokumentet. Rader som börjar med #
# är frivilliga fält: ta bort # och mellanslaget efter för att använda ett; ta bort det du inte behöver.
# Fälten beskrivs i docs/content-model.md. Kontrollera med: inspira check content/cases/{slug}.md
title: {name}                   # Namnet läsarna känner exemplet under, t.ex. kommunens namn
kind: kommun                     # kommun | region | kommunförbund
place: {name}                   # Kommunen, regionen eller förbundet
county: ""                       # Länet, t.ex. Stockholms län; för en region eller ett förbund länet det täcker
summary: ""                      # En eller två meningar om exemplet; visas i listor och sökresultat
# updated: "{year}"              # När du senast stämde av beskrivningen mot källorna: ÅÅÅÅ-MM-DD

document:                        # Strategidokumentet som exemplet handlar om
  title: ""                      # Dokumentets titel
  type: strategi                 # strategi | program | handlingsplan | rapport | modell (en arbetsmodell eller metod)
  adopted: "{year}"              # När det antogs: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ, "omkring ÅÅÅÅ" eller okänt
  adopted_by: ""                 # Vem som antog det, t.ex. Kommunfullmäktige, eller okänt
  # published: "{year}"          # När det gavs ut, för en rapport som ges ut snarare än antas
  # valid: ""                    # Giltighetstiden med dokumentets egna ord, t.ex. 2015–2020
  # valid_until: "{year}"        # Sista året det gäller; därefter visas det som utgånget (kräver status_checked)
  status: gällande               # gällande | under arbete | under revidering | ersatt | avslutad
  status_checked: "{year}"       # När statusen stämde, t.ex. året för källan som säger det
  # replaces: ""                 # Det som dokumentet ersatte, t.ex. Invandrarpolitiskt program (1997)
  # url: ""                      # Länk till dokumentet: hela adressen, som börjar med https://
  source: {source}                # id för en källa i listan sources längst ned

facts:                           # Nyckeltal: varje siffra med datum och källa
  - kind: population             # population | population_growth | unemployment | foreign_born | other
    # label: ""                  # Vad siffran är, t.ex. Invånare; måste finnas för kind: other
    value: {figure}                     # Siffran utan mellanslag, punkt som decimaltecken: 29272 eller 8.3
    unit: invånare               # Enheten, t.ex. invånare, procent eller personer
    # scope: riket               # Om siffran inte gäller exemplet självt: länet, riket eller en ort
    # group: ""                  # Om den gäller en grupp, t.ex. utrikes födda, 15–74 år
    # goal: true                 # Om siffran är ett mål och inte ett utfall
    date: "{year}"               # Datumet siffran gäller, t.ex. 2015-12-31
    # period: ""                 # För en förändring: perioden, t.ex. 2012–2015
    source: {source}              # id för källan
    # note: ""                   # Det läsaren behöver veta om siffran, t.ex. varifrån källan har den

vision:                          # Eller, om källan inte anger någon vision: vision: okänt
  text: ""                       # Visionen ordagrant som dokumentet skriver den
  source: {source}                # id för källan
  # goals:                       # Övergripande mål under visionen, med källans ord
  #   - ""

process:                         # Hur strategin togs fram
  # led_by: ""                   # Vem som ledde arbetet (Markdown och @/-länkar fungerar här)
  # duration: ""                 # Hur lång tid det tog, med ord, t.ex. Drygt två år (2012–2014)
  # resources: ""                # Pengar, tid och personal (Markdown fungerar här)
  steps:                         # Stegen i tidsordning
    - date: "{year}"             # ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ, "omkring ÅÅÅÅ" eller okänt; se också raden under
      #   Härlett ur källan: date: {{derived: "2009", note: "Sju månader före beslutet i juni 2010."}}
      step: ""                   # Ett processteg ur listan nedan
      text: ""                   # Vad som hände, med egna ord (Markdown fungerar här)
      # planned: true            # Om steget var planerat men inte genomfört när källan skrevs
      source: {source}            # id för källan
# Processteg (step):
{steps}

focus_areas:                     # Fokusområden med exemplets egna ord, kopplade till gemensamma begrepp
  - term: ""                     # Ett begrepp ur listan nedan
    label: ""                    # Exemplets egen formulering, t.ex. Boende
    # text: ""                   # Vad exemplet säger om området, med egna ord (Markdown fungerar här)
    # outcome: lärdom            # framgång (standard) | lärdom, för något som inte fungerade
    # source: {source}            # id för källan
# Fokusområden (term):
{focus_list}

success_factors:                 # Framgångsfaktorer och lärdomar, kopplade till gemensamma begrepp
  - term: ""                     # Ett begrepp ur listan nedan
    label: ""                    # Exemplets egen formulering
    # text: ""                   # Vad som fungerade eller inte, med egna ord (Markdown fungerar här)
    # outcome: lärdom            # framgång (standard) | lärdom, för något som inte fungerade
    # source: {source}            # id för källan
# Framgångsfaktorer (term):
{factor_list}

# organisation: ""               # Styrning och organisation (Markdown fungerar här)
# target_groups:                 # Vilka strategin riktar sig till, en rad var
#   - ""
# child_perspective: ""          # Hur barnperspektivet hanteras (Markdown fungerar här)
# follow_up:                     # Hur strategin följs upp
#   text: ""                     # Uppföljningen med egna ord (Markdown fungerar här)
#   indicators:                  # Namngivna indikatorer, en rad var
#     - ""
# next_steps: ""                 # Vad som händer härnäst (Markdown fungerar här)

quotes:                          # Korta citat, ordagrant
  - text: ""                     # Citatet, ordagrant
    speaker: ""                  # Talarens roll, inte namn, t.ex. Utvecklingsledare, Gislaveds kommun
    # narration: ""              # I stället för speaker, när källan inte säger vem som talar: ur KSL:s intervju med …
    source: {source}              # id för källan

# series:                        # Siffror över tid, som webbplatsen visar som diagram och tabell
#   - id: ""                     # Ett kort id: a–z, 0–9 och -, t.ex. folkmangd
#     title: ""                  # Rubriken, t.ex. Folkmängd 31 december
#     unit: ""                   # Enheten, t.ex. invånare
#     source: {source}            # id för källan
#     points:                    # Värdena i tidsordning
#       - period: ""             # Perioden, t.ex. 2004
#         value: {figure}               # Värdet

# related:                       # Andra exempel som hänger ihop med det här; visas på båda exemplens sidor
#   - case: ""                   # Det andra exemplets slug, t.ex. stromsund
#     reason: ""                 # Varför, med en mening

sources:                         # Alla dokument som exemplet bygger på
  - id: {source}                  # Ett kort id som source:-fälten pekar på, t.ex. utgivare och år: ksl-2016
    title: ""                    # Dokumentets titel
    publisher: ""                # Utgivaren
    year: {year_number}            # Utgivningsåret
    # url: ""                    # Länk till dokumentet: hela adressen, som börjar med https://
    # note: ""                   # T.ex. hur källan kom till, eller att du själv har intervjuat någon
---

## Bakgrund

{description}
"#,
        slug = case.slug,
        year = placeholder::year(),
        year_number = placeholder::year_number(),
        source = placeholder::SOURCE_ID,
        figure = placeholder::figure(),
        description = placeholder::description(),
        steps = term_list(vocabulary, Dimension::ProcessSteps),
        focus_list = term_list(vocabulary, Dimension::FocusAreas),
        factor_list = term_list(vocabulary, Dimension::SuccessFactors),
    );
    align_comments(&text)
}

/// The column at which the comments after the fields start.
const COMMENT_COLUMN: usize = 33;

/// Lines up the comments after the fields at [`COMMENT_COLUMN`], whatever the values' lengths.
fn align_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines() {
        match trailing_comment(line) {
            Some(at) => {
                let field = line[..at].trim_end();
                let pad = COMMENT_COLUMN.saturating_sub(field.chars().count()).max(1);
                out.push_str(field);
                out.push_str(&" ".repeat(pad));
                out.push_str(&line[at..]);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Where the comment after a field (`key: value  # …`, or a commented-out `# key: value  # …`)
/// starts, outside quotes. Lines that are only a comment have none.
fn trailing_comment(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let mut rest = &line[indent..];
    let mut offset = indent;
    if let Some(field) = rest.strip_prefix("# ")
        && is_field(field.trim_start())
    {
        offset += rest.len() - field.len();
        rest = field;
    }
    if !is_field(rest.trim_start()) {
        return None;
    }
    let mut quoted = false;
    let mut escaped = false;
    let mut previous = ' ';
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '#' if !quoted && previous == ' ' => return Some(offset + i),
            _ => {}
        }
        previous = c;
    }
    None
}

/// Whether a line (without its indentation) starts with a YAML key or a list item.
fn is_field(text: &str) -> bool {
    let text = text.strip_prefix("- ").unwrap_or(text);
    text.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    }) || text.starts_with('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_gives_a_slug_and_a_slug_stays_one() {
        let case = |s: &str| NewCase::parse(s).map(|c| (c.slug, c.name));
        assert_eq!(case("Åre").unwrap(), ("are".into(), Some("Åre".into())));
        assert_eq!(
            case("Upplands Väsby").unwrap(),
            ("upplands-vasby".into(), Some("Upplands Väsby".into()))
        );
        assert_eq!(case("Örebro").unwrap().0, "orebro");
        assert_eq!(case("Håbo é").unwrap().0, "habo-e");
        assert_eq!(case("orebro").unwrap(), ("orebro".into(), None));
        for bad in ["../evil", "a/b", "a\\b", "!!!", ""] {
            assert!(NewCase::parse(bad).is_err(), "{bad}");
        }
    }
}
