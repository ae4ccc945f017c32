//! Dates as sources give them: a year, a month or a day.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Ordered chronologically, with a coarser date sorting first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The months as Swedish writes them, lower case, January first.
pub const SWEDISH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The ISO date a contributor most likely meant by a date written the Swedish way: `14/4 2021`,
/// `14.4.2021`, `14-4-2021`, `2021/04/14`, `14 april 2021` or `april 2021`.
pub fn suggest_iso(written: &str) -> Option<String> {
    let lower = written.trim().trim_matches(['"', '\'']).to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| c == '/' || c == '.' || c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let month_of = |p: &str| {
        let p = p.trim_end_matches('.');
        SWEDISH_MONTHS
            .iter()
            .position(|m| *m == p || (p.len() >= 3 && m.starts_with(p)))
            .map(|i| i + 1)
            .or_else(|| p.parse::<usize>().ok())
    };
    let number = |p: &str| p.parse::<usize>().ok();
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y)?, month_of(m)?, Some(number(d)?)),
        [d, m, y] if y.len() == 4 => (number(y)?, month_of(m)?, Some(number(d)?)),
        [m, y] if y.len() == 4 => (number(y)?, month_of(m)?, None),
        _ => return None,
    };
    let iso = match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    (iso != written.trim() && PartialDate::parse(&iso).is_ok()).then_some(iso)
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let bad =
            || format!("`{s}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2015-12-31");
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        if parts[0].len() != 4 {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let month = match parts.get(1) {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) if d.len() == 2 => Some(d.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
            None => None,
        };
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("`{s}` has month {m}; months run from 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "`{s}` is not a real date: month {m:02} of {year} has {last} days"
                ));
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// True when this date is certainly later than `other`: compared at the precision both share,
    /// so `2014` is not "after" `2014-10` (the coarser date may well mean October or later).
    pub fn certainly_after(&self, other: &PartialDate) -> bool {
        let common = |d: &PartialDate| match (self.month.zip(other.month), self.day.zip(other.day))
        {
            (Some(_), Some(_)) => (d.year, d.month, d.day),
            (Some(_), None) => (d.year, d.month, None),
            _ => (d.year, None, None),
        };
        common(self) > common(other)
    }

    /// An RFC 3339 timestamp at the start of the date (the first month or day when coarser), for feeds.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }

    /// Fraction of the year elapsed at this date (the middle of the month or year when coarser),
    /// used to place the date on a timeline.
    pub fn year_fraction(&self) -> f64 {
        let month = self.month.map_or(6.0, |m| f64::from(m) - 1.0);
        let day = self
            .day
            .map_or(if self.month.is_some() { 15.0 } else { 0.0 }, f64::from);
        f64::from(self.year) + (month + day / 31.0) / 12.0
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// What [`PartialDate::parse`] accepts, as a regular expression: four digits, a month 01–12, a day that
/// exists in that month (29 February in any year).
pub const DATE_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])$|^[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)$|^[0-9]{4}-02-(0[1-9]|[12][0-9])$";

impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date as exact as the source allows: YYYY-MM-DD, YYYY-MM or YYYY. (`inspira check` also refuses 29 February in a year that is not a leap year.)",
            "anyOf": [
                { "type": "string", "pattern": DATE_PATTERN },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ],
            "examples": ["2015-12-31", "2012-03", "2011"]
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, YYYY-MM or YYYY")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_iso_date_for_dates_written_the_swedish_way() {
        for (written, iso) in [
            ("14/4 2021", "2021-04-14"),
            ("14.4.2021", "2021-04-14"),
            ("14-4-2021", "2021-04-14"),
            ("2021/4/14", "2021-04-14"),
            ("14 april 2021", "2021-04-14"),
            ("april 2021", "2021-04"),
            ("3 okt. 2019", "2019-10-03"),
        ] {
            assert_eq!(suggest_iso(written).as_deref(), Some(iso), "{written}");
        }
        assert_eq!(suggest_iso("31/2 2021"), None);
        assert_eq!(suggest_iso("snart"), None);
    }

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            PartialDate::parse("2015-12-31").unwrap().to_string(),
            "2015-12-31"
        );
        assert_eq!(
            PartialDate::parse("2012-03").unwrap().to_string(),
            "2012-03"
        );
        assert_eq!(PartialDate::parse("2011").unwrap().to_string(), "2011");
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert!(
            PartialDate::parse("2015-02-30")
                .unwrap_err()
                .contains("28 days")
        );
        assert!(
            PartialDate::parse("2015-13")
                .unwrap_err()
                .contains("month 13")
        );
        assert!(PartialDate::parse("15-12-31").is_err());
        assert!(PartialDate::parse("våren 2015").is_err());
    }

    #[test]
    fn coarser_dates_sort_first_within_their_period() {
        let y = PartialDate::parse("2014").unwrap();
        let m = PartialDate::parse("2014-01").unwrap();
        assert!(y < m);
    }

    #[test]
    fn coarser_dates_are_not_certainly_before_finer_ones_in_the_same_period() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(!d("2014-10").certainly_after(&d("2014")));
        assert!(!d("2014").certainly_after(&d("2014-10")));
        assert!(d("2015").certainly_after(&d("2014-10")));
        assert!(d("2014-11").certainly_after(&d("2014-10-31")));
    }
}
