//! Formatting numbers and dates for Swedish readers.

/// A number the Swedish way: a space (no-break) between thousands and a decimal comma: 29 272, 8,3.
pub fn number_sv(value: f64) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            grouped.push('\u{a0}');
        }
        grouped.push(*c);
    }
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::number_sv;

    #[test]
    fn formats_swedish_numbers() {
        assert_eq!(number_sv(29272.0), "29\u{a0}272");
        assert_eq!(number_sv(8.3), "8,3");
        assert_eq!(number_sv(1234.0), "1234");
        assert_eq!(number_sv(1_234_567.0), "1\u{a0}234\u{a0}567");
        assert_eq!(number_sv(-0.5), "−0,5");
    }
}
