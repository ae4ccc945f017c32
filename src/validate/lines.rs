//! Where a field is written in a file's front matter, for problems with values that the typed model
//! does not locate: each line that starts a field, with its path (`document.adopted`,
//! `facts[].value`) and its value as written. Comments, continuation lines of long text and
//! anything that is not a field are skipped.

/// One line of front matter that starts a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldLine<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// 1-based column of the key.
    pub column: usize,
    /// The field's path: keys joined by `.`, `[]` after a list (`process.steps[].date`).
    pub path: String,
    pub key: &'a str,
    /// The value as written on the line, without a trailing comment (empty for a section).
    pub value: &'a str,
    /// 1-based column where the value starts.
    pub value_column: usize,
}

/// The field lines of the front matter of `text`, which starts on line 2 and ends before
/// `body_line - 1` (the closing `---`).
pub fn field_lines(text: &str, body_line: usize) -> Vec<FieldLine<'_>> {
    let mut out = Vec::new();
    // The keys above the current line: (column, name as in the path).
    let mut parents: Vec<(usize, String)> = Vec::new();
    // A line indented more than this continues the previous value, unless the value was empty.
    let mut continues_beyond: Option<usize> = None;
    let last = body_line.saturating_sub(2);
    for (i, line) in text.lines().enumerate().take(last).skip(1) {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if continues_beyond.is_some_and(|c| indent > c) {
            continue;
        }
        let (item, rest, column) = match trimmed.strip_prefix("- ") {
            Some(rest) => (
                true,
                rest.trim_start(),
                line.len() - rest.trim_start().len(),
            ),
            None => (false, trimmed, indent),
        };
        let Some((key, value)) = split_field(rest) else {
            // A list of plain values (`- Nyanlända`): what follows may continue it.
            continues_beyond = Some(indent);
            continue;
        };
        while parents.last().is_some_and(|(c, _)| *c >= column) {
            parents.pop();
        }
        if item
            && let Some((_, parent)) = parents.last_mut()
            && !parent.ends_with("[]")
        {
            parent.push_str("[]");
        }
        let path = parents
            .iter()
            .map(|(_, name)| name.as_str())
            .chain([key])
            .collect::<Vec<_>>()
            .join(".");
        let value = without_comment(value);
        let value_start = rest.len() - rest[key.len() + 1..].trim_start().len();
        out.push(FieldLine {
            line: i + 1,
            column: line[..column].chars().count() + 1,
            path,
            key,
            value,
            value_column: line[..column + value_start].chars().count() + 1,
        });
        parents.push((column, key.to_string()));
        continues_beyond = (!value.is_empty()).then_some(column);
    }
    out
}

/// `key: value` where the key is a field name of the content model (`a`–`z` and `_`).
fn split_field(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    (is_key && (value.is_empty() || value.starts_with(' '))).then_some((key, value.trim()))
}

/// A value without the comment after it; a `#` inside quotes is part of the value.
fn without_comment(value: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (i, c) in value.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) if previous == ' ' => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) if previous == ' ' => return value[..i].trim_end(),
            _ => {}
        }
        previous = c;
    }
    value
}

/// The value without its quotes: `"2020"` → `2020`.
pub fn unquoted(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_indentation_and_skip_comments_and_long_text() {
        let text = "---\ntitle: Alfa # namnet\ndocument:\n  adopted: \"2014\"\n  # valid: \"\"\nfacts:\n  - kind: population\n    value: 0\n  - kind: other\n    note: >-\n      Ett långt värde: som fortsätter\n      title: inte ett fält\n    value: 3\nprocess:\n  steps:\n    - date: 2012\ntarget_groups:\n  - Nyanlända\n  - Andra\nsources:\n  - id: a\n---\n";
        let lines = field_lines(text, 23);
        let paths: Vec<(usize, &str, &str)> = lines
            .iter()
            .map(|l| (l.line, l.path.as_str(), l.value))
            .collect();
        assert_eq!(
            paths,
            [
                (2, "title", "Alfa"),
                (3, "document", ""),
                (4, "document.adopted", "\"2014\""),
                (6, "facts", ""),
                (7, "facts[].kind", "population"),
                (8, "facts[].value", "0"),
                (9, "facts[].kind", "other"),
                (10, "facts[].note", ">-"),
                (13, "facts[].value", "3"),
                (14, "process", ""),
                (15, "process.steps", ""),
                (16, "process.steps[].date", "2012"),
                (17, "target_groups", ""),
                (20, "sources", ""),
                (21, "sources[].id", "a"),
            ]
        );
        assert_eq!((lines[2].column, lines[2].value_column), (3, 12));
        assert_eq!((lines[5].column, lines[5].value_column), (5, 12));
        assert_eq!(unquoted(lines[2].value), "2014");
    }

    proptest::proptest! {
        /// Whatever a contributor writes, locating fields never panics: every line and column it
        /// gives is in the file.
        #[test]
        fn any_text_is_read_without_panicking(
            text in "(---\n)?([ -~åäöÅÄÖ\t\r]{0,40}\n){0,12}",
            body_line in 0usize..20,
        ) {
            for l in field_lines(&text, body_line) {
                let line = text.lines().nth(l.line - 1).expect("the line exists");
                proptest::prop_assert!(l.column <= line.chars().count() + 1);
                proptest::prop_assert!(l.value_column <= line.chars().count() + 1);
            }
        }
    }
}
