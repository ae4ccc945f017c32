//! Did-you-mean: the closest valid name to one written wrong, found by ids, labels and titles alike.

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "unknown variant …") message:
/// the name written and the names allowed. `what` is `field` or `variant`.
pub fn parse_unknown<'a>(message: &'a str, what: &str) -> Option<(&'a str, Vec<&'a str>)> {
    let rest = message.strip_prefix(&format!("unknown {what} `"))?;
    let (name, expected) = rest.split_once("`, expected ")?;
    let candidates = expected
        .trim_start_matches("one of ")
        .split(", ")
        .map(|s| s.trim_matches('`'))
        .collect();
    Some((name, candidates))
}

/// A name as a slug, so that case, å/ä/ö, spaces, `_` and `-` do not count as differences:
/// "Kommunförbundet Skåne" and `kommunforbundet-skane` are the same.
pub fn normalise(name: &str) -> String {
    slug::slugify(name)
}

/// The closest candidate to `wrong`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    did_you_mean_among(wrong, candidates.into_iter().map(|c| (c, c)))
}

/// The answer whose name is closest to `wrong`: each candidate is `(answer, name)`, and one answer may
/// come with several names (a term's id and its label, a case's slug and its title).
pub fn did_you_mean_among<'a, 'n>(
    wrong: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'n str)>,
) -> Option<&'a str> {
    let wrong = normalise(wrong);
    if wrong.is_empty() {
        return None;
    }
    candidates
        .into_iter()
        .map(|(answer, name)| (strsim::jaro_winkler(&wrong, &normalise(name)), answer))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, answer)| answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serdes_unknown_name_messages() {
        let (name, allowed) = parse_unknown(
            "unknown field `titel`, expected one of `title`, `kind`",
            "field",
        )
        .unwrap();
        assert_eq!((name, allowed), ("titel", vec!["title", "kind"]));
        let (name, allowed) =
            parse_unknown("unknown variant `komun`, expected `kommun`", "variant").unwrap();
        assert_eq!((name, allowed), ("komun", vec!["kommun"]));
        assert!(parse_unknown("missing field `title`", "field").is_none());
    }

    #[test]
    fn suggests_close_candidates_only() {
        assert_eq!(
            did_you_mean("delaktighte", ["bostad", "delaktighet"]),
            Some("delaktighet")
        );
        assert_eq!(did_you_mean("xyz", ["bostad", "delaktighet"]), None);
    }

    #[test]
    fn finds_an_id_by_its_label_or_title() {
        let cases = [
            ("skane", "skane"),
            ("skane", "Kommunförbundet Skåne"),
            ("gislaved", "gislaved"),
            ("gislaved", "Gislaved"),
        ];
        assert_eq!(
            did_you_mean_among("kommunforbundet-skane", cases),
            Some("skane")
        );
        let terms = [
            ("samverkan", "samverkan"),
            ("samverkan", "Samordning och bred samverkan"),
        ];
        assert_eq!(
            did_you_mean_among("samordning och bred samverkan", terms),
            Some("samverkan")
        );
    }
}
