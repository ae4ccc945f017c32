//! The message catalogue: every message, label and help text a contributor reads, in Swedish and in
//! English, as Fluent files (`locales/<lang>/diagnostics.ftl`) compiled into the binary.
//!
//! A diagnostic carries a message id and its arguments ([`Text`]), not a finished sentence, and is put
//! into words only when it is printed, in the language chosen once for the run ([`set_language`]).
//! So the checks never decide the language, and `serve`, `build` and `check` print the same words.

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

/// A language the messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Swedish, the default: the contributors are Swedish.
    Swedish,
    English,
}

impl Lang {
    /// Every language with a catalogue.
    pub const ALL: [Lang; 2] = [Lang::Swedish, Lang::English];

    /// The BCP 47 tag, e.g. `sv`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Swedish => "sv",
            Lang::English => "en",
        }
    }

    /// Reads a language tag such as `sv`, `sv-SE` or `en-GB`; `None` for a language without a catalogue.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "sv" => Some(Lang::Swedish),
            "en" => Some(Lang::English),
            _ => None,
        }
    }

    /// The catalogue's Fluent source.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Swedish => include_str!("../../locales/sv/diagnostics.ftl"),
            Lang::English => include_str!("../../locales/en/diagnostics.ftl"),
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::Swedish => 0,
            Lang::English => 1,
        }
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Chooses the language every diagnostic is printed in from now on (the CLI does it once, at start).
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang.index(), Ordering::Relaxed);
}

/// The language diagnostics are printed in: Swedish unless [`set_language`] chose another.
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::English,
        _ => Lang::Swedish,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(make_bundle));
    &bundles[usize::from(lang.index())]
}

/// A bundle of one catalogue. A syntax error drops only the broken message; the catalogue tests fail on it.
fn make_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let locale = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Unicode isolation marks would show up as odd characters in a terminal and in JSON.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(lang.catalogue().to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

/// Whether the catalogue of `lang` has the message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The messages that our own deserializers give serde as an error (serde carries only text), each
/// found again by [`own_error_id`] when the error is reported.
const OWN_ERRORS: &[&str] = &[
    "yaml-derived-date-note",
    "yaml-date-derived-and-approximate",
    "yaml-date-form",
    "yaml-vision-form",
];

const OWN_ERROR_PREFIX: &str = "inspira-message:";

/// The text a deserializer gives serde for the catalogue's message `id` (one of [`OWN_ERRORS`]).
pub fn own_error(id: &'static str) -> String {
    debug_assert!(OWN_ERRORS.contains(&id), "{id} is not listed in OWN_ERRORS");
    format!("{OWN_ERROR_PREFIX}{id}")
}

/// The catalogue's message that a deserializer's error text stands for, if it is one of ours.
pub fn own_error_id(message: &str) -> Option<&'static str> {
    let id = message.strip_prefix(OWN_ERROR_PREFIX)?;
    OWN_ERRORS.iter().copied().find(|own| *own == id)
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Another message, put into words in the same language.
    Message(Box<Text>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Message(Box::new(t))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, i64, i32, u16, u8);

/// What a diagnostic says: a message of the catalogue with its arguments, or (for the few texts that
/// come whole from elsewhere, such as an operating system's error) the text itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Text {
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Plain(String),
}

impl Text {
    /// The catalogue's message `id`, without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Text::Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `$name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Text::Message { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The message id, if it is one of the catalogue's.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Text::Message { id, .. } => Some(id),
            Text::Plain(_) => None,
        }
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let (id, args) = match self {
            Text::Plain(text) => return text.clone(),
            Text::Message { id, args } => (*id, args),
        };
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            debug_assert!(false, "the {} catalogue has no message `{id}`", lang.tag());
            // Never silently empty: the id and arguments still say what went wrong.
            return format!("{id} {args:?}");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(t) => FluentValue::from(t.in_lang(lang)),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "message `{id}` in {}: {errors:?}",
            lang.tag()
        );
        text.into_owned()
    }
}

/// `msg!("id", name = value, …)`: the catalogue's message `id` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diagnostics::Text::new($id)$(.arg(stringify!($name), $value))*
    };
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(language()))
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_tag("sv-SE"), Some(Lang::Swedish));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::English));
        assert_eq!(Lang::from_tag("fi"), None);
    }

    #[test]
    fn puts_arguments_into_words_in_each_language() {
        let text = crate::msg!("did-you-mean", name = "bostad");
        assert_eq!(text.in_lang(Lang::Swedish), "menade du `bostad`?");
        assert_eq!(text.in_lang(Lang::English), "did you mean `bostad`?");
    }

    #[test]
    fn serve_says_how_many_pages_it_removed_only_when_it_removed_some() {
        let updated = |removed: usize| {
            crate::msg!(
                "serve-updated",
                cases = "gislaved",
                pages = 34_usize,
                removed = removed,
                ms = 88_u64
            )
        };
        assert_eq!(
            updated(0).in_lang(Lang::English),
            "Updated gislaved (34 pages) in 88 ms"
        );
        assert_eq!(
            updated(11).in_lang(Lang::Swedish),
            "Uppdaterade gislaved (34 sidor, 11 borttagna) på 88 ms"
        );
        let one = crate::msg!(
            "serve-updated",
            cases = "gislaved",
            pages = 1_usize,
            removed = 0_usize,
            ms = 9_u64
        );
        assert_eq!(
            one.in_lang(Lang::Swedish),
            "Uppdaterade gislaved (1 sida) på 9 ms"
        );
        assert_eq!(
            updated(1).in_lang(Lang::Swedish),
            "Uppdaterade gislaved (34 sidor, 1 borttagen) på 88 ms"
        );
        assert_eq!(
            one.in_lang(Lang::English),
            "Updated gislaved (1 page) in 9 ms"
        );
    }

    /// Each message of a catalogue with the variables it uses, from its Fluent source.
    fn messages(
        lang: Lang,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast;
        fn pattern(p: &ast::Pattern<&str>, vars: &mut std::collections::BTreeSet<String>) {
            for element in &p.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expr(expression, vars);
                }
            }
        }
        fn expr(e: &ast::Expression<&str>, vars: &mut std::collections::BTreeSet<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, vars);
                    for v in variants {
                        pattern(&v.value, vars);
                    }
                }
                ast::Expression::Inline(i) => inline(i, vars),
            }
        }
        fn inline(i: &ast::InlineExpression<&str>, vars: &mut std::collections::BTreeSet<String>) {
            match i {
                ast::InlineExpression::VariableReference { id } => {
                    vars.insert(id.name.to_string());
                }
                ast::InlineExpression::FunctionReference { arguments, .. }
                | ast::InlineExpression::TermReference {
                    arguments: Some(arguments),
                    ..
                } => {
                    for a in &arguments.positional {
                        inline(a, vars);
                    }
                    for a in &arguments.named {
                        inline(&a.value, vars);
                    }
                }
                ast::InlineExpression::Placeable { expression } => expr(expression, vars),
                _ => {}
            }
        }
        let resource = fluent_syntax::parser::parse(lang.catalogue())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", lang.tag()));
        let mut out = std::collections::BTreeMap::new();
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = std::collections::BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{}: `{}` is defined twice",
                    lang.tag(),
                    m.id.name
                );
            }
        }
        out
    }

    #[test]
    fn both_catalogues_have_every_message_with_the_same_arguments() {
        let sv = messages(Lang::Swedish);
        let en = messages(Lang::English);
        let only = |a: &std::collections::BTreeMap<_, _>,
                    b: &std::collections::BTreeMap<String, _>| {
            a.keys()
                .filter(|k| !b.contains_key(*k))
                .cloned()
                .collect::<Vec<String>>()
        };
        assert_eq!(
            only(&sv, &en),
            Vec::<String>::new(),
            "messages only in Swedish"
        );
        assert_eq!(
            only(&en, &sv),
            Vec::<String>::new(),
            "messages only in English"
        );
        for (id, vars) in &sv {
            assert_eq!(
                vars, &en[id],
                "`{id}` takes other arguments in English than in Swedish"
            );
        }
    }

    /// The ids the code asks for, as `msg!("id"` or `Text::new("id"`.
    fn ids_in_code() -> Vec<(String, String)> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut ids = Vec::new();
        for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
            if entry.path().extension().is_none_or(|e| e != "rs")
                || entry.path().ends_with("catalogue.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for opening in ["msg!(\"", "Text::new(\"", "own_error(\"", "stage(\""] {
                for (i, _) in text.match_indices(opening) {
                    let rest = &text[i + opening.len()..];
                    let id = &rest[..rest.find('"').unwrap_or(0)];
                    if !id.is_empty() && !id.contains(' ') {
                        ids.push((id.to_string(), entry.path().display().to_string()));
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn every_message_the_code_asks_for_is_in_both_catalogues() {
        let ids = ids_in_code();
        assert!(
            ids.len() > 20,
            "found only {} message ids in src/",
            ids.len()
        );
        for lang in Lang::ALL {
            for (id, file) in &ids {
                assert!(
                    has_message(lang, id),
                    "{file}: `{id}` is missing from locales/{}/diagnostics.ftl",
                    lang.tag()
                );
            }
        }
    }
}
