//! Writes a synthetic site with N cases for benchmarks: `cargo run --release --example synthetic -- DIR N`.
//! It copies the real vocabularies and configuration, and gives every case the real content's shape
//! (terms, steps, facts, quotes, a 300-word description), chosen by a fixed pseudo-random sequence so the
//! corpus is the same on every machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A small linear congruential generator: deterministic, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn term_ids(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("vocabulary")
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .strip_prefix("- id: ")
                .map(|s| s.trim().to_string())
        })
        .collect()
}

const WORDS: &[&str] = &[
    "integration",
    "kommunen",
    "strategin",
    "arbetet",
    "nyanlända",
    "civilsamhället",
    "förvaltningarna",
    "samverkan",
    "uppföljning",
    "handlingsplanen",
    "delaktighet",
    "bostäder",
    "utbildning",
    "arbetsmarknaden",
    "föreningar",
    "politiken",
    "målen",
    "insatser",
    "invånarna",
    "regionen",
    "språket",
    "försörjning",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: synthetic DIR N");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N must be a number");
    let dir = PathBuf::from(dir);
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("content/cases")).expect("mkdir");
    std::fs::create_dir_all(dir.join("content/vocabulary")).expect("mkdir");
    std::fs::copy(here.join("inspira.toml"), dir.join("inspira.toml")).expect("config");
    for v in ["focus-areas", "success-factors", "process-steps"] {
        std::fs::copy(
            here.join(format!("content/vocabulary/{v}.yaml")),
            dir.join(format!("content/vocabulary/{v}.yaml")),
        )
        .expect("vocabulary");
    }
    let focus = term_ids(&dir.join("content/vocabulary/focus-areas.yaml"));
    let factors = term_ids(&dir.join("content/vocabulary/success-factors.yaml"));
    let steps = term_ids(&dir.join("content/vocabulary/process-steps.yaml"));
    let mut rng = Lcg(42);
    for i in 0..n {
        let slug = format!("kommun-{i:05}");
        let mut s = String::new();
        let _ = write!(
            s,
            "---\ntitle: Kommun {i}\nkind: kommun\nplace: Kommun {i}\ncounty: Län {}\nsummary: Kommun {i} tog fram en strategi för integration med bred förankring.\n",
            i % 21
        );
        let year = 2010 + rng.below(11);
        let _ = write!(
            s,
            "document:\n  title: Integrationsstrategi för kommun {i}\n  type: strategi\n  adopted: {year}-{:02}\n  adopted_by: Kommunfullmäktige\n  source: rapport\n",
            1 + rng.below(12)
        );
        let _ = write!(
            s,
            "facts:\n  - kind: population\n    value: {}\n    unit: invånare\n    date: {year}-12-31\n    source: rapport\n  - kind: unemployment\n    value: {}.{}\n    unit: procent\n    date: {year}\n    source: rapport\n",
            5_000 + rng.below(200_000),
            2 + rng.below(10),
            rng.below(10)
        );
        s.push_str("vision:\n  text: Alla invånare ska ha samma möjligheter att delta i samhället.\n  source: rapport\n");
        s.push_str("process:\n  steps:\n");
        for k in 0..4 {
            let _ = write!(
                s,
                "    - date: {}\n      step: {}\n      text: Steg {k} i arbetet med strategin.\n      source: rapport\n",
                year - 3 + k,
                steps[rng.below(steps.len())]
            );
        }
        s.push_str("focus_areas:\n");
        for k in 0..5 {
            let _ = write!(
                s,
                "  - term: {}\n    label: Eget fokusområde {k}\n",
                focus[rng.below(focus.len())]
            );
        }
        s.push_str("success_factors:\n");
        for k in 0..4 {
            let _ = write!(
                s,
                "  - term: {}\n    label: Egen framgångsfaktor {k}\n",
                factors[rng.below(factors.len())]
            );
        }
        s.push_str("quotes:\n  - text: Det viktigaste var att många fick vara med.\n    speaker: Integrationssamordnare\n    source: rapport\n");
        s.push_str("sources:\n  - id: rapport\n    title: Syntetisk rapport\n    publisher: inspira\n    year: 2026\n---\n\n## Bakgrund\n\n");
        for w in 0..320 {
            s.push_str(WORDS[rng.below(WORDS.len())]);
            s.push(if w % 15 == 14 { '.' } else { ' ' });
        }
        s.push('\n');
        std::fs::write(dir.join(format!("content/cases/{slug}.md")), s).expect("write case");
    }
    eprintln!("wrote {n} cases to {}", dir.display());
}
