//! Writes a synthetic site with N cases for benchmarks:
//!
//! ```sh
//! cargo run --release --example synthetic -- DIR N [--seed S]
//! ```
//!
//! It copies the real vocabularies and configuration and writes N cases with every dimension filled (document,
//! key facts, vision and goals, dated process steps, focus areas, success factors, organisation, follow-up,
//! quotes, sources, often a data series and related cases), plus an about page and two publications. Each case
//! body is 2–10 KB of Swedish Markdown (headings, paragraphs, lists) composed from a bank of sentences about
//! integration work, with links to other cases (`@/cases/<slug>.md`) and to vocabulary terms
//! (`@/vocabulary/<dimension>.yaml#<term>`). The cases are spread over Sweden's 290 municipalities, 21 regions
//! and a few municipal associations in all 21 counties, so list filters look like a real site's.
//!
//! Everything is chosen by a pseudo-random generator seeded from `--seed` (default 42) and the case's number,
//! so the same seed gives byte-identical files on every machine, and case `j` has the same slug and title
//! whatever N is. The output is checked by `inspira --root DIR check` (0 errors).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use inspira::content::date::SWEDISH_MONTHS;

const DEFAULT_SEED: u64 = 42;
/// Body size bounds in bytes (the Markdown after the front matter).
const BODY_MIN: usize = 2_100;
const BODY_MAX: usize = 10_000;
/// Lines of prose are wrapped at this width, as in the real content.
const WIDTH: usize = 116;

// ---------------------------------------------------------------------------------------------------------
// Randomness

/// SplitMix64: deterministic, no dependency, good enough for picking words.
struct Rng(u64);

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// An independent stream for (seed, item, purpose).
    fn new(seed: u64, item: u64, stream: u64) -> Rng {
        Rng(mix(seed ^ mix(item ^ mix(stream))))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// `k` distinct indices below `n`, in random order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
    /// A whole random permutation of `0..n`.
    fn shuffle(&mut self, n: usize) -> Vec<usize> {
        self.sample(n, n)
    }
}

// ---------------------------------------------------------------------------------------------------------
// Places: every county, its municipalities and its region; a few municipal associations.

/// (county, region, municipalities)
#[rustfmt::skip]
const COUNTIES: &[(&str, &str, &[&str])] = &[
    ("Stockholms län", "Region Stockholm", &[
        "Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö", "Nacka", "Norrtälje",
        "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna", "Solna", "Stockholm", "Sundbyberg",
        "Södertälje", "Tyresö", "Täby", "Upplands Väsby", "Upplands-Bro", "Vallentuna", "Vaxholm", "Värmdö",
        "Österåker"
    ]),
    ("Uppsala län", "Region Uppsala", &[
        "Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar"
    ]),
    ("Södermanlands län", "Region Sörmland", &[
        "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs", "Trosa", "Vingåker"
    ]),
    ("Östergötlands län", "Region Östergötland", &[
        "Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping", "Söderköping",
        "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög"
    ]),
    ("Jönköpings län", "Region Jönköpings län", &[
        "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö", "Tranås",
        "Vaggeryd", "Vetlanda", "Värnamo"
    ]),
    ("Kronobergs län", "Region Kronoberg", &[
        "Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd", "Uppvidinge", "Växjö", "Älmhult"
    ]),
    ("Kalmar län", "Region Kalmar län", &[
        "Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås", "Mörbylånga", "Nybro",
        "Oskarshamn", "Torsås", "Vimmerby", "Västervik"
    ]),
    // Gotland is one municipality with a region's tasks: only the region is listed.
    ("Gotlands län", "Region Gotland", &[
    ]),
    ("Blekinge län", "Region Blekinge", &[
        "Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg"
    ]),
    ("Skåne län", "Region Skåne", &[
        "Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg", "Hässleholm", "Höganäs", "Hörby",
        "Höör", "Klippan", "Kristianstad", "Kävlinge", "Landskrona", "Lomma", "Lund", "Malmö", "Osby",
        "Perstorp", "Simrishamn", "Sjöbo", "Skurup", "Staffanstorp", "Svalöv", "Svedala", "Tomelilla",
        "Trelleborg", "Vellinge", "Ystad", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"
    ]),
    ("Hallands län", "Region Halland", &[
        "Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"
    ]),
    ("Västra Götalands län", "Västra Götalandsregionen", &[
        "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda",
        "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv",
        "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal",
        "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum",
        "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara",
        "Vårgårda", "Vänersborg", "Åmål", "Öckerö"
    ]),
    ("Värmlands län", "Region Värmland", &[
        "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil",
        "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng"
    ]),
    ("Örebro län", "Region Örebro län", &[
        "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg",
        "Lindesberg", "Ljusnarsberg", "Nora", "Örebro"
    ]),
    ("Västmanlands län", "Region Västmanland", &[
        "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala", "Skinnskatteberg",
        "Surahammar", "Västerås"
    ]),
    ("Dalarnas län", "Region Dalarna", &[
        "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen", "Mora",
        "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen"
    ]),
    ("Gävleborgs län", "Region Gävleborg", &[
        "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker", "Sandviken",
        "Söderhamn"
    ]),
    ("Västernorrlands län", "Region Västernorrland", &[
        "Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"
    ]),
    ("Jämtlands län", "Region Jämtland Härjedalen", &[
        "Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund"
    ]),
    ("Västerbottens län", "Region Västerbotten", &[
        "Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors", "Skellefteå",
        "Sorsele", "Storuman", "Umeå", "Vilhelmina", "Vindeln", "Vännäs", "Åsele"
    ]),
    ("Norrbottens län", "Region Norrbotten", &[
        "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna", "Luleå",
        "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå"
    ]),
];

/// Municipalities with more than 100,000 inhabitants, roughly.
const BIG_CITIES: &[(&str, u64)] = &[
    ("Stockholm", 980_000),
    ("Göteborg", 600_000),
    ("Malmö", 360_000),
    ("Uppsala", 240_000),
    ("Linköping", 165_000),
    ("Örebro", 160_000),
    ("Västerås", 158_000),
    ("Helsingborg", 150_000),
    ("Norrköping", 145_000),
    ("Jönköping", 145_000),
    ("Umeå", 130_000),
    ("Lund", 128_000),
    ("Borås", 114_000),
    ("Huddinge", 113_000),
    ("Nacka", 108_000),
    ("Eskilstuna", 107_000),
    ("Halmstad", 104_000),
    ("Gävle", 103_000),
];

/// (association, county)
const ASSOCIATIONS: &[(&str, &str)] = &[
    ("Storsthlm", "Stockholms län"),
    ("Kommunförbundet Skåne", "Skåne län"),
    ("Göteborgsregionen", "Västra Götalands län"),
    ("Fyrbodals kommunalförbund", "Västra Götalands län"),
    ("Skaraborgs kommunalförbund", "Västra Götalands län"),
    ("Kommunförbundet Västernorrland", "Västernorrlands län"),
    ("Norrbottens Kommuner", "Norrbottens län"),
    ("Region Örebro läns kommunförbund", "Örebro län"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Kommun,
    Region,
    Forbund,
}

struct Place {
    name: &'static str,
    county: &'static str,
    kind: Kind,
}

fn places() -> Vec<Place> {
    let mut out = Vec::new();
    for &(county, region, municipalities) in COUNTIES {
        for &name in municipalities {
            out.push(Place {
                name,
                county,
                kind: Kind::Kommun,
            });
        }
        out.push(Place {
            name: region,
            county,
            kind: Kind::Region,
        });
    }
    for &(name, county) in ASSOCIATIONS {
        out.push(Place {
            name,
            county,
            kind: Kind::Forbund,
        });
    }
    out
}

/// `Gislaved` → `gislaved`, `Malung-Sälen` → `malung-salen`, `Upplands Väsby` → `upplands-vasby`.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'ö' | 'ø' => out.push('o'),
            'é' | 'è' => out.push('e'),
            'a'..='z' | '0'..='9' => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_matches('-').to_string()
}

/// The municipality's official-style name: `Gislaveds kommun`, `Borås kommun`, `Ale kommun`, `Falu kommun`.
fn municipality(name: &str) -> String {
    if name == "Falun" {
        return "Falu kommun".into();
    }
    let last = name.chars().last().unwrap_or('a');
    if "aeiouyåäösxz".contains(last) {
        format!("{name} kommun")
    } else {
        format!("{name}s kommun")
    }
}

// ---------------------------------------------------------------------------------------------------------
// Text banks. Placeholders in braces are filled per case (see `Writer::fill`); `{Def}` is `{def}` capitalised.

const SUMMARY_FIRST: &[&str] = &[
    "{Org} {antog} {egen} {år} efter en bred dialog med invånare, föreningar och nyanlända.",
    "{En_dok} från {år} med {nfa} prioriterade områden, framtagen med stöd av en kartläggning och ett {n3}-tal organisationer.",
    "{Org} har tagit fram {en_dok} för integration med tyngdpunkt på {fa_text} och {fa_text}.",
    "{Org} {antog} {egen} {år}, efter ett arbete som leddes av en projektledare och en politisk styrgrupp.",
    "I {egen} från {år} pekar {org} ut {nfa} områden där {def} vill se tydliga förbättringar.",
    "{Org} samlade {år} sitt arbete med mottagande och integration i {en_dok} med en gemensam vision.",
];

const SUMMARY_SECOND: &[&str] = &[
    "Den första handlingsplanen visade sig för detaljerad och ersattes av årliga planer.",
    "Arbetet följs upp med {n1} indikatorer som redovisas i årsredovisningen.",
    "Särskild vikt läggs vid samverkan med civilsamhället och det lokala näringslivet.",
    "Dialogen med nyanlända själva har präglat både prioriteringarna och arbetssätten.",
    "Strategin revideras nu, och den nya versionen ska styras mer med mätbara mål.",
    "Insatserna genomförs i första hand inom den ordinarie verksamheten.",
];

const VISIONS: &[&str] = &[
    "{Vplats} ska vara en plats där alla invånare, oavsett bakgrund, har samma möjligheter att delta i samhället.",
    "I {vplats} tas allas kompetens tillvara, och alla känner sig delaktiga och välkomna.",
    "Alla invånare i {vplats} ska ha samma rättigheter, skyldigheter och möjligheter, oavsett etnisk och kulturell bakgrund.",
    "{Vplats} ska vara en öppen och inkluderande plats där mångfald ses som en tillgång och där ingen lämnas utanför.",
    "Nyanlända ska snabbt kunna etablera sig i arbetsliv och samhälle och känna sig hemma i {vplats}.",
    "Alla som bor i {vplats} ska kunna försörja sig, påverka sitt liv och känna tillhörighet.",
    "I {vplats} möts människor med olika bakgrund med respekt, och alla har möjlighet att växa.",
    "{Vplats} ska vara ett samhälle där alla invånare har lika livschanser och där olikheter berikar gemenskapen.",
];

const GOALS: &[&str] = &[
    "Fler nyanlända ska vara i arbete eller studier inom två år.",
    "Alla barn och unga ska ha en trygg skolgång och en meningsfull fritid.",
    "Invånarna ska ha tillgång till information om samhället på ett språk de förstår.",
    "Bostadsförsörjningen ska ge nyanlända möjlighet till ett eget boende.",
    "Diskriminering och rasism ska motverkas i alla verksamheter.",
    "Civilsamhällets roll i integrationsarbetet ska stärkas.",
    "{Defs} medarbetare ska spegla befolkningens sammansättning.",
    "Fler mötesplatser ska skapas där invånare med olika bakgrund kan mötas.",
    "Alla nyanlända ska erbjudas samhällsorientering under sin första tid.",
    "Hälsan ska vara jämlik, oavsett födelseland.",
    "Kvinnors och mäns etablering ska ske på lika villkor.",
    "Fler invånare ska delta i föreningslivet.",
];

const LED_BY: &[&str] = &[
    "En projektledare på {ksf} med stöd av en styrgrupp av politiker och förvaltningschefer.",
    "{Ks} var projektägare, och en utvecklingsledare drev arbetet med hjälp av en arbetsgrupp från förvaltningarna.",
    "En politisk styrgrupp under ledning av {ks}s ordförande och en integrationssamordnare som projektledare.",
    "Integrationssamordnaren på {ksf}, i nära samarbete med {partner} och {partner}.",
];

const DURATIONS: &[&str] = &[
    "Ungefär ett år, från uppdraget {år0} till antagandet {år}.",
    "Drygt två år, från uppdraget {år0} till antagandet {år}.",
    "Cirka ett och ett halvt år ({år0}–{år}).",
    "Knappt två år, med ett uppehåll under remisstiden.",
];

const RESOURCES: &[&str] = &[
    "En projektledare på {andel} procent under ett år, och tid för arbetsgruppens medlemmar inom ordinarie tjänst.",
    "Inga särskilda medel; arbetet gjordes inom befintliga tjänster.",
    "{Mkr} miljoner kronor, varav en del statsbidrag från länsstyrelsen, till projektledning och dialogmöten.",
    "En halvtidstjänst för samordning och ett mindre belopp till tolkar, lokaler och tryck.",
];

/// Process step texts, by term id.
const STEP_TEXTS: &[(&str, &str)] = &[
    (
        "beslut",
        "{Fm} gav {ks} i uppdrag att ta fram en strategi för integration.",
    ),
    (
        "projektorganisation",
        "En projektledare utsågs och en styrgrupp med politiker och förvaltningschefer bildades.",
    ),
    (
        "kartlaggning",
        "En kartläggning av befolkningen och av förvaltningarnas arbete med nyanlända genomfördes.",
    ),
    (
        "dialog",
        "Ett {n3}-tal dialogmöten hölls med invånare, föreningar och nyanlända.",
    ),
    (
        "referensgrupp",
        "En referensgrupp med företrädare för {partner}, {partner} och civilsamhället bildades.",
    ),
    (
        "remiss",
        "Förslaget skickades på remiss till nämnder, bolag och ett {n3}-tal organisationer.",
    ),
    (
        "beredning",
        "Förslaget bereddes i {ks} efter remissen och justerades utifrån remissvaren.",
    ),
    ("antagande", "{Fm} antog strategin."),
    (
        "handlingsplan",
        "En handlingsplan med {n2} konkreta insatser togs fram.",
    ),
    (
        "genomforande",
        "Genomförandet av de första insatserna startade, bland annat projektet {proj}.",
    ),
    (
        "uppfoljning",
        "Den första uppföljningen redovisades för {ks}.",
    ),
    ("revidering", "Arbetet med att revidera strategin inleddes."),
];

/// Focus areas: (term id, the case's own labels, a sentence about it).
const FOCUS_TEXTS: &[(&str, &[&str], &str)] = &[
    (
        "mottagande-och-etablering",
        &[
            "Mottagande",
            "Ett bra mottagande",
            "Etablering av nyanlända",
        ],
        "Nyanlända ska få ett samordnat mottagande med en fast kontaktperson under den första tiden.",
    ),
    (
        "arbete-och-forsorjning",
        &["Arbete", "Arbete och egen försörjning", "Sysselsättning"],
        "Fler ska komma i arbete genom praktik, validering och samarbete med det lokala näringslivet.",
    ),
    (
        "utbildning-och-sprak",
        &["Utbildning och språk", "Språk", "Skola och utbildning"],
        "Sfi, vuxenutbildning och skolans språkstöd ska hänga ihop bättre.",
    ),
    (
        "bostad",
        &["Boende", "Bostäder", "Bostadsförsörjning"],
        "Nyanlända ska kunna få ett eget boende, och bostadsplaneringen ska motverka segregation.",
    ),
    (
        "barn-och-unga",
        &[
            "Barn och unga",
            "Ensamkommande barn",
            "Ungas uppväxtvillkor",
        ],
        "Nyanlända barn och unga ska få stöd i skolan och tillgång till en meningsfull fritid.",
    ),
    (
        "halsa",
        &["Hälsa", "Jämlik hälsa", "Folkhälsa"],
        "Hälsoinformation på flera språk och samarbete med vårdcentralerna ska ge bättre hälsa på lika villkor.",
    ),
    (
        "delaktighet",
        &[
            "Delaktighet",
            "Socialt deltagande och inflytande",
            "Demokrati och inflytande",
        ],
        "Fler invånare ska kunna påverka och delta i demokratin, bland annat genom medborgardialoger.",
    ),
    (
        "motesplatser-och-civilsamhalle",
        &[
            "Mötesplatser",
            "Föreningsliv och civilsamhälle",
            "Fritid och kultur",
        ],
        "Föreningar, trossamfund och studieförbund ska få stöd för att skapa mötesplatser.",
    ),
    (
        "attityder-och-antidiskriminering",
        &["Attityder", "Mot diskriminering", "Bemötande och attityder"],
        "Arbete med attityder och bemötande ska motverka fördomar och diskriminering.",
    ),
    (
        "information-och-samhallsorientering",
        &["Information", "Samhällsinformation", "Samhällsorientering"],
        "Information om samhället ska finnas på flera språk och på lätt svenska.",
    ),
    (
        "hedersrelaterat-vald",
        &[
            "Hedersrelaterat våld och förtryck",
            "Heder",
            "Trygghet och jämställdhet",
        ],
        "Personal i skola och socialtjänst ska kunna upptäcka och agera vid hedersrelaterat våld och förtryck.",
    ),
    (
        "kommunen-som-organisation",
        &[
            "{Def} som arbetsgivare",
            "Den egna organisationen",
            "Mångfald bland medarbetarna",
        ],
        "{Def} ska som arbetsgivare ta emot praktikanter och spegla befolkningens sammansättning.",
    ),
    (
        "samhallsplanering",
        &["Samhällsplanering", "Fysisk planering", "Stadsutveckling"],
        "Integrationsperspektivet ska finnas med i den fysiska och sociala planeringen.",
    ),
    (
        "samverkan",
        &[
            "Samverkan",
            "Samverkan med andra aktörer",
            "Lokal överenskommelse",
        ],
        "Samverkan med {partner}, {partner} och civilsamhället ska formaliseras i en överenskommelse.",
    ),
    (
        "inflyttning",
        &[
            "Inflyttning",
            "En attraktiv plats att bo på",
            "Kompetensförsörjning genom inflyttning",
        ],
        "Nyanlända ska vilja stanna, eftersom {def} behöver fler invånare och mer arbetskraft.",
    ),
];

/// Success factors: (term id, the case's own labels, a sentence about it).
const FACTOR_TEXTS: &[(&str, &[&str], &str)] = &[
    (
        "tydligt-syfte",
        &["Ett tydligt syfte från början", "Ett klart uppdrag"],
        "Uppdraget formulerades tydligt, så att alla visste vad strategin skulle leda till.",
    ),
    (
        "kunskapsunderlag",
        &["Kartläggning som grund", "Ett gediget kunskapsunderlag"],
        "Kartläggningen gav en gemensam bild av läget och ett underlag för prioriteringarna.",
    ),
    (
        "bred-delaktighet",
        &["Bred förankring", "Många fick vara med"],
        "Dialogmöten och remiss gjorde att strategin blev känd och accepterad långt utanför förvaltningen.",
    ),
    (
        "malgruppens-delaktighet",
        &[
            "Nyanlända var med och formade strategin",
            "Målgruppens röst",
        ],
        "Samtal med nyanlända gav kunskap som annars hade saknats.",
    ),
    (
        "tydlig-tidsram",
        &["En realistisk tidsplan", "Tydlig tidsram"],
        "En fast tidsplan höll arbetet i rörelse, men dialogen hade behövt mer tid.",
    ),
    (
        "strategi-fore-handlingsplan",
        &[
            "Strategin först, handlingsplanen sedan",
            "Mål före åtgärder",
        ],
        "Genom att enas om målen först blev handlingsplanen lättare att prioritera.",
    ),
    (
        "arlig-handlingsplan",
        &["Årliga handlingsplaner", "En för detaljerad handlingsplan"],
        "Den fleråriga planen med många åtgärder ersattes av årliga planer som kan ändras efter behov.",
    ),
    (
        "budget-och-resurser",
        &["Avsatta resurser", "Resurser för genomförandet"],
        "Utan särskilda medel blev det svårt att genomföra insatserna fullt ut.",
    ),
    (
        "barnperspektiv",
        &["Barnens perspektiv", "Barnkonsekvensanalys"],
        "Barn och unga fick komma till tals, och en barnkonsekvensanalys gjordes av förslaget.",
    ),
    (
        "politisk-riktning-och-mandat",
        &["Politisk enighet", "Ett tydligt politiskt mandat"],
        "Strategin antogs i bred politisk enighet, vilket gav stabilitet över mandatperioderna.",
    ),
    (
        "koppling-till-styrsystemet",
        &[
            "Strategin ingår i styrsystemet",
            "Koppling till budget och mål",
        ],
        "Målen följs upp i samma ordning som {defs} övriga mål.",
    ),
    (
        "samordning-och-samverkan",
        &[
            "En samordnare håller ihop arbetet",
            "Samverkan över gränserna",
        ],
        "En utsedd samordnare och regelbundna samverkansmöten gjorde att insatserna inte krockade.",
    ),
    (
        "kompetens-och-metoder",
        &["Kompetensutveckling för personalen", "Gemensamma metoder"],
        "Personalen fick utbildning i interkulturellt bemötande och i att arbeta med tolk.",
    ),
    (
        "breddad-rekrytering",
        &["Breddad rekrytering", "Fler med utländsk bakgrund anställs"],
        "{Def} har tagit emot praktikanter och anställt fler medarbetare med utländsk bakgrund.",
    ),
    (
        "matbara-mal-och-uppfoljning",
        &["Mätbara mål", "Indikatorer för uppföljning"],
        "Mätbara indikatorer gör det lättare att se om insatserna ger resultat.",
    ),
    (
        "arbetsmarknadsperspektiv",
        &["Arbetsmarknaden i centrum", "Näringslivet som partner"],
        "Samarbetet med lokala arbetsgivare har gett fler nyanlända praktik och jobb.",
    ),
    (
        "ordinarie-verksamhet",
        &[
            "Integration i ordinarie verksamhet",
            "Från projekt till ordinarie drift",
        ],
        "Insatser som förts in i ordinarie verksamhet har överlevt när projektpengarna tagit slut.",
    ),
];

const ORGANISATION: &[&str] = &[
    "{Ks} har det övergripande ansvaret för strategin och för att den följs upp.",
    "Varje nämnd ansvarar för att omsätta strategins mål i sin egen verksamhetsplan och budget.",
    "En integrationssamordnare på {ksf} håller ihop arbetet och stödjer förvaltningarna.",
    "Ett integrationsråd med politiker, tjänstepersoner och företrädare för civilsamhället träffas {n1} gånger per år.",
    "Strategin är kopplad till {defs} styrsystem, så att målen följs upp i samma ordning som övriga mål.",
    "Samverkan med {partner} regleras i en lokal överenskommelse som ses över varje år.",
    "Det finns ingen särskild budget för strategin; insatserna ska i första hand finansieras inom ordinarie verksamhet.",
    "För genomförandet har {def} avsatt {mkr} miljoner kronor per år, främst till språkstöd och arbetsmarknadsinsatser.",
    "Chefer på alla nivåer har fått utbildning i strategins innehåll och i hur målen ska brytas ned.",
    "En styrgrupp på förvaltningschefsnivå samordnar de insatser som berör flera nämnder.",
    "Ansvarsfördelningen mellan {def} och Arbetsförmedlingen har förtydligats i en gemensam processkarta.",
    "Den [politiska förankringen](@/vocabulary/success-factors.yaml#politisk-riktning-och-mandat) har varit stark, och strategin antogs i bred enighet.",
    "Ansvaret för [samordningen](@/vocabulary/success-factors.yaml#samordning-och-samverkan) ligger hos en utvecklingsledare som rapporterar direkt till {direktör}.",
    "Upplägget liknar det i {fall}, där ansvaret också ligger samlat hos en samordnare.",
];

const BACKGROUND: &[&str] = &[
    "{Org} ligger i {län} och har under det senaste decenniet tagit emot allt fler nyanlända.",
    "När arbetet med strategin inleddes {år0} hade {def} {inv} invånare, och andelen utrikes födda hade ökat stadigt sedan början av 2000-talet.",
    "Befolkningen har länge minskat, och många i {område} ser inflyttningen som en förutsättning för att skolor, vård och service ska finnas kvar.",
    "Mottagandet av asylsökande och nyanlända ökade kraftigt under 2015, vilket ställde nya krav på skola, socialtjänst och bostadsförsörjning.",
    "Tidigare hade integrationsfrågorna främst hanterats inom arbetsmarknadsenheten och i enskilda projekt utan någon gemensam riktning.",
    "Det fanns ett äldre invandrarpolitiskt program från {årgammal}, men dess språk och utgångspunkter upplevdes som föråldrade.",
    "Flera förvaltningar efterfrågade en gemensam bild av vad integration betyder och vem som ansvarar för vad.",
    "I {område} talas i dag ett {nspråk}-tal språk, och skolan har elever från ett stort antal länder.",
    "Arbetslösheten bland utrikes födda var betydligt högre än bland inrikes födda, och skillnaden hade inte minskat under de senaste åren.",
    "Den politiska ledningen ville att integration skulle ses som en fråga för hela {def} och inte bara för några enskilda verksamheter.",
    "Samtidigt hade civilsamhället, trossamfunden och idrottsföreningarna länge gjort ett omfattande arbete för nyanlända, ofta utan stöd från {def}.",
    "En [kartläggning](@/vocabulary/process-steps.yaml#kartlaggning) från {år0} visade att förutsättningarna för utbildning, arbete och hälsa var ojämnt fördelade mellan olika delar av {område}.",
    "Länsstyrelsen i {län} hade uppmanat kommunerna att ta ett tydligare ansvar för integrationen efter etableringsreformen.",
    "Bostadsbristen gjorde det svårt att ta emot de nyanlända som anvisades, och många bodde trångt under den första tiden.",
    "{Def} hade också erfarenheter av tidigare projekt, bland annat {proj}, som visat att samverkan över förvaltningsgränserna gav resultat.",
    "Enligt SCB hade {def} {inv} invånare vid utgången av {årfakta}, och {utrikes} procent av dem var födda utomlands.",
    "Den nya strategin var tänkt att ersätta flera äldre styrdokument och samla arbetet under en gemensam vision.",
    "Frågan om integration hade också lyfts i medborgardialoger, där invånare efterfrågade fler mötesplatser och bättre information på olika språk.",
    "Strategins utgångspunkt är att integration är en ömsesidig process som angår alla invånare, inte bara dem som nyligen kommit till Sverige.",
    "Liknande utgångspunkter finns hos {fall}, som också beskrivs i kunskapsbanken.",
];

const PROCESS: &[&str] = &[
    "{Fm} gav {ks} i uppdrag att ta fram en integrationsstrategi {år0}.",
    "Arbetet organiserades som ett projekt med en projektledare på {andel} procent och en styrgrupp med politiker och tjänstepersoner.",
    "Första steget var en [kartläggning](@/vocabulary/process-steps.yaml#kartlaggning) av hur förvaltningarna redan arbetade med nyanlända och vilka behov som fanns.",
    "Under hösten {år0} genomfördes ett {n3}-tal dialogmöten med föreningar, trossamfund och invånare.",
    "Särskilda samtal hölls med nyanlända kvinnor, ensamkommande ungdomar och personer som nyligen fått uppehållstillstånd.",
    "En referensgrupp med representanter för bland andra {partner} och {partner} följde arbetet och lämnade synpunkter på utkasten.",
    "Förslaget skickades på [remiss](@/vocabulary/process-steps.yaml#remiss) till nämnder, bolag och ett {n3}-tal organisationer i civilsamhället.",
    "Remissvaren var i huvudsak positiva, men flera instanser efterfrågade tydligare mål och en plan för uppföljningen.",
    "{Fm} antog strategin i {månad} {år}.",
    "Hela processen tog ungefär {tid}, från uppdraget till antagandet.",
    "Projektledaren hade stöd av en arbetsgrupp med en representant från varje förvaltning.",
    "Man valde medvetet att börja med strategin och vänta med handlingsplanen, så att de övergripande målen skulle vara förankrade först.",
    "Workshoppar med chefer från alla förvaltningar användes för att prioritera bland de områden som kartläggningen pekat ut.",
    "Tolkar och material på lätt svenska, arabiska, dari, somaliska och tigrinja gjorde det möjligt för fler att delta i dialogen.",
    "Som underlag fanns också statistik från SCB och Arbetsförmedlingen samt en enkät till personalen i skola och socialtjänst.",
    "Ett utkast presenterades på ett öppet möte på huvudbiblioteket, där ett sextiotal invånare deltog.",
    "Arbetet följde i stort samma steg som i {fall}: uppdrag, kartläggning, dialog, remiss och antagande.",
    "Den [breda förankringen](@/vocabulary/success-factors.yaml#bred-delaktighet) tog tid men gjorde att strategin fick stöd i hela organisationen.",
    "Ungdomsrådet och pensionärsrådet fick yttra sig särskilt, och barnens perspektiv fångades upp genom samtal i skolorna.",
];

const AREAS: &[&str] = &[
    "Strategin pekar ut {nfa} prioriterade områden, som vart och ett har egna mål och ansvariga nämnder.",
    "Inom området {fa} ligger tyngdpunkten på samverkan mellan förvaltningarna och externa aktörer.",
    "Arbetet med {fa} ska bedrivas i nära samverkan med civilsamhället.",
    "För området {fa} finns {n1} mål, vart och ett med en ansvarig nämnd och en indikator.",
    "Svenska för invandrare kombineras med praktik, så att språkinlärningen sker nära arbetslivet.",
    "Fler mötesplatser, till exempel språkcaféer och läxhjälp på biblioteken, ska göra det lättare att mötas över generationer och bakgrunder.",
    "Bostadsfrågan är en av de svåraste, eftersom {def} har få lediga lägenheter och långa kötider.",
    "Barn och unga lyfts fram särskilt, med fokus på skolgång, fritid och stöd till ensamkommande.",
    "Hälsofrämjande insatser och tillgång till vård på lika villkor ingår i strategin som ett eget område.",
    "Strategin innehåller också arbete mot diskriminering, rasism och hedersrelaterat våld och förtryck.",
    "Samhällsorienteringen ska ge nyanlända kunskap om rättigheter, skyldigheter och hur samhället fungerar.",
    "Områdena valdes utifrån kartläggningen och dialogen, och de överensstämmer i stort med dem som {fall} har prioriterat.",
    "Flera områden hänger ihop: utan bostad är det svårt att studera, och utan språk är det svårt att få arbete.",
    "Kvinnojouren och föreningar för nyanlända kvinnor har bidragit med kunskap om hur kvinnors etablering kan påskyndas.",
];

const IMPLEMENTATION: &[&str] = &[
    "Efter antagandet togs en [handlingsplan](@/vocabulary/process-steps.yaml#handlingsplan) fram med {n2} insatser för de kommande tre åren.",
    "Insatserna spänner från språkpraktik inom {defs} egna verksamheter till stöd för nyanlända företagare.",
    "Projektet {proj} har blivit en av de mest uppmärksammade insatserna och har tagit emot studiebesök från flera andra kommuner.",
    "Genom projektet {proj} har över {n4} personer fått praktik eller anställning.",
    "Samarbetet med {partner} har utvecklats till ett gemensamt etableringsteam som möter nyanlända redan under den första veckan.",
    "Språkvänner från föreningslivet matchas med nyanlända som vill öva svenska i vardagen.",
    "Biblioteken erbjuder läxhjälp, språkcaféer och digital vägledning flera kvällar i veckan.",
    "{Def} har infört extratjänster och introduktionsjobb inom äldreomsorg, skola och fastighetsskötsel.",
    "Föräldrastöd på flera språk har erbjudits genom förskolan och familjecentralen.",
    "Hälsoskolan, där hälsokommunikatörer med egen erfarenhet av migration informerar om vård och egenvård, har nått många nyanlända familjer.",
    "Insatserna genomförs i första hand inom [ordinarie verksamhet](@/vocabulary/success-factors.yaml#ordinarie-verksamhet) och inte som tidsbegränsade projekt.",
    "En del insatser har finansierats med statsbidrag från länsstyrelsen, vilket gjort dem sårbara när bidragen upphört.",
    "Genomförandet försenades när flera nyckelpersoner slutade samtidigt, och en del insatser fick skjutas upp ett år.",
    "Samhällsorienteringen ges numera på {n5} språk och har kompletterats med studiebesök hos myndigheter.",
    "Inom {fa} har {def} särskilt satsat på uppsökande arbete i de bostadsområden där många nyanlända bor.",
];

const FOLLOW_UP: &[&str] = &[
    "Strategin följs upp årligen i {defs} årsredovisning, och en fördjupad utvärdering görs vart fjärde år.",
    "Till strategin hör {n1} indikatorer, bland annat andelen nyanlända i arbete eller studier efter två år.",
    "Den första uppföljningen {år1} visade att andelen i arbete eller studier hade ökat från {p1} till {p2} procent.",
    "Uppföljningen har varit svår, eftersom flera mål saknade tydliga mått när strategin antogs.",
    "Sedan {år1} redovisas resultaten i ett gemensamt underlag som diskuteras i {ks} och i integrationsrådet.",
    "En extern utvärdering gjordes av en forskare vid ett närliggande universitet, som särskilt granskade dialogprocessen.",
    "[Mätbara mål](@/vocabulary/success-factors.yaml#matbara-mal-och-uppfoljning) har efterhand ersatt flera av de ursprungliga, mer allmänt hållna formuleringarna.",
    "Uppföljningen bygger dels på statistik från SCB och Arbetsförmedlingen, dels på enkäter till de nyanlända själva.",
    "Resultaten jämförs med andra kommuner i {län} genom ett gemensamt nätverk.",
    "Nämnderna rapporterar två gånger per år om hur insatserna framskrider.",
];

const LESSONS: &[&str] = &[
    "Den viktigaste lärdomen är att strategin måste förankras brett, både politiskt och i förvaltningarna, innan handlingsplanen skrivs.",
    "En för detaljerad handlingsplan visade sig svår att genomföra, och {def} har därför gått över till [årliga handlingsplaner](@/vocabulary/success-factors.yaml#arlig-handlingsplan).",
    "Att låta nyanlända själva delta i arbetet gav kunskap som inte hade kommit fram på annat sätt.",
    "Det har varit avgörande att någon har haft tid och mandat att hålla ihop arbetet.",
    "Utan en tydlig budget riskerar strategin att bli ett dokument utan verkan.",
    "Samverkan med civilsamhället fungerar bäst när ansvar och förväntningar är tydliga från början.",
    "Tidsramarna var för snäva, och dialogen med invånarna hade behövt mer tid.",
    "Ett gemensamt språk om vad integration betyder gjorde det lättare för förvaltningarna att samarbeta.",
    "Kunskapsunderlaget från kartläggningen har använts långt efter att strategin antogs.",
    "{Def} menar i efterhand att fler mätbara mål hade underlättat uppföljningen.",
    "Erfarenheterna från {fall} var till hjälp när {def} skulle välja arbetssätt.",
    "Strategin har fungerat som en gemensam plattform, men genomslaget varierar mellan förvaltningarna.",
    "Breddad rekrytering, där {def} själv anställer fler med utländsk bakgrund, har visat sig vara ett effektivt sätt att öppna arbetsmarknaden.",
    "Insatser som drivs som projekt har ofta upphört när finansieringen tagit slut; de som förts in i ordinarie verksamhet har levt vidare.",
    "Den [samordning](@/vocabulary/success-factors.yaml#samordning-och-samverkan) som byggdes upp under arbetet med strategin har blivit bestående.",
];

const FUTURE: &[&str] = &[
    "Strategin ska revideras {år2}, och arbetet med den nya versionen har redan påbörjats.",
    "{Def} överväger att föra samman integrationsstrategin med strategierna för folkhälsa och social hållbarhet.",
    "I nästa version vill {def} lägga större vikt vid arbetsmarknaden och vid barns och ungas uppväxtvillkor.",
    "Ett nytt integrationsråd med fler företrädare för de nyanlända själva ska inrättas.",
    "Erfarenheterna ska spridas till andra kommuner i {län} genom länets nätverk för integrationsfrågor.",
    "Målet är att strategin ska bli ett levande dokument som uppdateras i takt med att förutsättningarna förändras.",
    "Den minskade inflyttningen de senaste åren har gjort att fokus har flyttats från mottagande till långsiktig etablering.",
    "{Def} vill också bli bättre på att följa upp vad insatserna betyder för den enskilda individen.",
];

const CHILD_PERSPECTIVE: &[&str] = &[
    "En barnkonsekvensanalys gjordes av förslaget, och barn och unga fick yttra sig genom elevråden.",
    "Strategin har ett eget avsnitt om barn och unga, med mål för skolgång, fritid och föräldrastöd.",
    "Barnrättsperspektivet ska genomsyra alla insatser; ensamkommande ungdomar deltog i dialogen.",
    "Barnperspektivet nämns i strategin men har inte fått egna mål eller indikatorer.",
];

const NEXT_STEPS: &[&str] = &[
    "Strategin ska revideras {år2}, med fler mätbara mål och en tydligare koppling till budgeten.",
    "{Def} planerar en samlad strategi för social hållbarhet där integration ingår som en del.",
    "En ny handlingsplan tas fram varje år, och nästa version av strategin ska tas fram tillsammans med civilsamhället.",
    "Arbetet fortsätter inom ordinarie verksamhet; en utvärdering av hela strategiperioden ska göras {år2}.",
];

const TARGET_GROUPS: &[&str] = &[
    "Alla invånare",
    "Nyanlända under de första åren i Sverige",
    "Ensamkommande barn och unga",
    "Utrikes födda kvinnor utanför arbetsmarknaden",
    "Asylsökande",
    "Förvaltningarnas medarbetare och chefer",
    "Föreningar och trossamfund",
    "Arbetsgivare i det lokala näringslivet",
];

const INDICATORS: &[&str] = &[
    "Andel nyanlända i arbete eller studier efter två år",
    "Andel elever med utländsk bakgrund som är behöriga till gymnasiet",
    "Antal nyanlända med eget förstahandskontrakt",
    "Andel invånare som känner sig delaktiga i samhället",
    "Antal deltagare i språkcaféer och mötesplatser",
    "Andel medarbetare med utländsk bakgrund",
    "Genomsnittlig tid i sfi innan godkänt resultat",
    "Andel nyanlända som har deltagit i samhällsorientering",
    "Andel hushåll med långvarigt ekonomiskt bistånd",
];

const QUOTES: &[&str] = &[
    "Det viktigaste var att många fick vara med från början",
    "Man kan inte skriva en strategi för integration utan att prata med dem det gäller",
    "Strategin gav oss ett gemensamt språk, och det var nästan viktigare än själva dokumentet",
    "Vi lärde oss att en handlingsplan måste kunna ändras när verkligheten ändras",
    "Utan en samordnare hade strategin blivit liggande i en pärm",
    "Föreningarna var våra bästa ambassadörer ute i bostadsområdena",
    "Det tog längre tid än vi trodde, men förankringen var värd varje månad",
    "Nu ser förvaltningarna integration som en del av sitt vanliga uppdrag",
    "Vi behövde mätbara mål för att kunna visa vad som faktiskt blev bättre",
    "Jobben finns, men vägen dit måste bli kortare",
    "Barnen var de som snabbast kände sig hemma, och de hjälpte ofta sina föräldrar",
    "En bostad är början på allt annat",
];

const SPEAKERS: &[&str] = &[
    "Integrationssamordnare, {org}",
    "Utvecklingsledare, {ksf}",
    "Ordförande i {ks}",
    "Enhetschef, arbetsmarknadsenheten",
    "Verksamhetschef, vuxenutbildningen",
    "Projektledare för strategiarbetet",
];

const PARTNERS: &[&str] = &[
    "Arbetsförmedlingen",
    "Försäkringskassan",
    "Migrationsverket",
    "länsstyrelsen",
    "vårdcentralen",
    "polisen",
    "Svenska kyrkan",
    "Röda Korset",
    "Rädda Barnen",
    "ABF",
    "Studieförbundet Vuxenskolan",
    "Sensus",
    "Hyresgästföreningen",
    "det kommunala bostadsbolaget",
    "Företagarna",
    "idrottsföreningarna",
];

const PROJECTS: &[&str] = &[
    "Vägen in",
    "Nya steg",
    "Språkvän",
    "Jobbspåret",
    "Mötesplats Centrum",
    "Kliv in",
    "Hela vägen",
    "Framtidsbron",
    "Integrationslotsen",
    "Brobyggarna",
    "Språkstigen",
    "Startpunkt",
];

const DURATION_WORDS: &[&str] = &["ett år", "ett och ett halvt år", "två år", "drygt två år"];

fn number_word(n: usize) -> String {
    const WORDS: &[&str] = &[
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// 29272 → "29 272"
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabularies

struct Term {
    id: String,
    label: String,
}

/// Reads `- id:` and the `label:` after it from a vocabulary file (the files' own, simple layout).
fn terms(path: &Path) -> Vec<Term> {
    let text = std::fs::read_to_string(path).expect("vocabulary");
    let mut out: Vec<Term> = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(id) = t.strip_prefix("- id: ") {
            out.push(Term {
                id: id.trim().to_string(),
                label: String::new(),
            });
        } else if let Some(label) = t.strip_prefix("label: ")
            && let Some(last) = out.last_mut()
            && last.label.is_empty()
        {
            last.label = label.trim().to_string();
        }
    }
    assert!(!out.is_empty(), "no terms in {}", path.display());
    out
}

// ---------------------------------------------------------------------------------------------------------
// The generator

struct Site {
    seed: u64,
    n: usize,
    places: Vec<Place>,
    /// A fixed shuffle of the places, so small sites get a mix of counties and kinds.
    order: Vec<usize>,
    /// Each place's slug; names that fold to the same letters (Habo, Håbo) get their county added.
    place_slugs: Vec<String>,
    focus: Vec<Term>,
    factors: Vec<Term>,
    steps: Vec<Term>,
}

/// A case's identity, a function of its number only.
struct Ident<'a> {
    place: &'a Place,
    round: usize,
}

impl Site {
    fn ident(&self, j: usize) -> Ident<'_> {
        Ident {
            place: &self.places[self.order[j % self.places.len()]],
            round: j / self.places.len(),
        }
    }
    fn slug(&self, j: usize) -> String {
        let id = self.ident(j);
        let base = &self.place_slugs[self.order[j % self.places.len()]];
        if id.round == 0 {
            base.clone()
        } else {
            format!("{base}-{}", id.round + 1)
        }
    }
    fn title(&self, j: usize) -> String {
        let id = self.ident(j);
        if id.round == 0 {
            id.place.name.to_string()
        } else {
            format!("{} {}", id.place.name, id.round + 1)
        }
    }
}

/// Everything about one case that its texts refer to.
struct Writer<'a> {
    site: &'a Site,
    i: usize,
    rng: Rng,
    vars: Vec<(&'static str, String)>,
    /// The case's focus areas and success factors: (term id, own label).
    focus: Vec<(String, String)>,
    factors: Vec<(String, String)>,
    /// Rotates through the case's focus areas for `{fa}` and `{fa_text}`.
    next_focus: usize,
}

impl Writer<'_> {
    fn var(&self, key: &str) -> &str {
        self.vars
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Another case, for cross-references.
    fn other_case(&mut self) -> usize {
        let n = self.site.n;
        let mut j = self.rng.below(n - 1);
        if j >= self.i {
            j += 1;
        }
        j
    }

    fn can_fill(&self, template: &str) -> bool {
        !(template.contains("{fall}") && self.site.n < 2)
    }

    /// Fills the placeholders of a template. With `links`, `{fall}` and `{fa}` become Markdown links.
    fn fill(&mut self, template: &str, links: bool) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..].find('}').expect("closed placeholder") + start;
            let key = &rest[start + 1..end];
            let value = self.value(key, links);
            out.push_str(&value);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    fn value(&mut self, key: &str, links: bool) -> String {
        match key {
            "n1" => number_word(self.rng.range(2, 8)),
            "n5" => number_word(self.rng.range(5, 12)),
            "n2" => self.rng.range(12, 68).to_string(),
            "n3" => (self.rng.range(2, 15) * 10).to_string(),
            "n4" => (self.rng.range(5, 40) * 10).to_string(),
            "nspråk" => (self.rng.range(3, 10) * 10).to_string(),
            "andel" => self.rng.pick(&["25", "40", "50", "75", "100"]).to_string(),
            "mkr" | "Mkr" => self
                .rng
                .pick(&["1", "1,5", "2", "2,5", "3", "4", "5"])
                .to_string(),
            "partner" => self.rng.pick(PARTNERS).to_string(),
            "proj" => self.rng.pick(PROJECTS).to_string(),
            "tid" => self.rng.pick(DURATION_WORDS).to_string(),
            "fall" => {
                let j = self.other_case();
                if links {
                    format!("[{}](@/cases/{}.md)", self.site.title(j), self.site.slug(j))
                } else {
                    self.site.title(j)
                }
            }
            "fa" | "fa_text" => {
                let (id, label) = self.focus[self.next_focus % self.focus.len()].clone();
                self.next_focus += 1;
                let text = lower_first(&label);
                if links && key == "fa" {
                    format!("[{text}](@/vocabulary/focus-areas.yaml#{id})")
                } else {
                    text
                }
            }
            _ => {
                if let Some(lower) = key.strip_prefix(|c: char| c.is_uppercase()) {
                    let first = key.chars().next().expect("key").to_lowercase().to_string();
                    let value = self.var(&format!("{first}{lower}")).to_string();
                    assert!(!value.is_empty(), "unknown placeholder {{{key}}}");
                    return capitalise(&value);
                }
                let value = self.var(key).to_string();
                assert!(!value.is_empty(), "unknown placeholder {{{key}}}");
                value
            }
        }
    }

    /// One template from a bank, filled without links.
    fn pick_fill(&mut self, bank: &[&str]) -> String {
        let template = bank[self.rng.below(bank.len())];
        self.fill(template, false)
    }

    /// 1..=k filled sentences from a bank, distinct, joined as one paragraph.
    fn sentences(
        &mut self,
        bank: &[&str],
        used: &mut Vec<usize>,
        k: usize,
        links: bool,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for idx in self.rng.shuffle(bank.len()) {
            if out.len() == k {
                break;
            }
            if used.contains(&idx) || !self.can_fill(bank[idx]) {
                continue;
            }
            used.push(idx);
            out.push(self.fill(bank[idx], links));
        }
        out
    }
}

fn main() {
    let mut positional = Vec::new();
    let mut seed = DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            seed = args
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| usage());
        } else if let Some(s) = arg.strip_prefix("--seed=") {
            seed = s.parse().unwrap_or_else(|_| usage());
        } else if arg.starts_with('-') {
            usage();
        } else {
            positional.push(arg);
        }
    }
    let [dir, n] = positional.as_slice() else {
        usage()
    };
    let n: usize = n.parse().unwrap_or_else(|_| usage());
    let dir = PathBuf::from(dir);
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Stale cases from an earlier, larger run would silently join the corpus.
    if std::fs::read_dir(dir.join("content/cases")).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!(
            "error: {} already has cases; write the corpus to a new folder",
            dir.join("content/cases").display()
        );
        std::process::exit(1);
    }
    for sub in ["content/cases", "content/vocabulary", "content/pages"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    std::fs::copy(here.join("inspira.toml"), dir.join("inspira.toml")).expect("config");
    for v in ["focus-areas", "success-factors", "process-steps"] {
        std::fs::copy(
            here.join(format!("content/vocabulary/{v}.yaml")),
            dir.join(format!("content/vocabulary/{v}.yaml")),
        )
        .expect("vocabulary");
    }
    let places = places();
    let order = Rng::new(seed, u64::MAX, 0).shuffle(places.len());
    let mut place_slugs: Vec<String> = Vec::new();
    for place in &places {
        let mut slug = slugify(place.name);
        if place_slugs.contains(&slug) {
            slug = format!("{slug}-{}", slugify(place.county));
        }
        assert!(
            !place_slugs.contains(&slug),
            "two places have the slug {slug}"
        );
        place_slugs.push(slug);
    }
    let site = Site {
        seed,
        n,
        order,
        place_slugs,
        places,
        focus: terms(&dir.join("content/vocabulary/focus-areas.yaml")),
        factors: terms(&dir.join("content/vocabulary/success-factors.yaml")),
        steps: terms(&dir.join("content/vocabulary/process-steps.yaml")),
    };
    check_banks(&site);
    let mut bytes = 0usize;
    let mut body_min = usize::MAX;
    let mut body_max = 0usize;
    for i in 0..n {
        let (text, body) = case(&site, i);
        bytes += text.len();
        body_min = body_min.min(body);
        body_max = body_max.max(body);
        std::fs::write(dir.join(format!("content/cases/{}.md", site.slug(i))), text)
            .expect("write case");
    }
    for (slug, text) in pages(&site) {
        std::fs::write(dir.join(format!("content/pages/{slug}.md")), text).expect("write page");
    }
    if n > 0 {
        eprintln!(
            "wrote {n} cases ({:.1} MB; bodies {body_min}–{body_max} bytes) to {} (seed {seed})",
            bytes as f64 / 1e6,
            dir.display()
        );
    }
}

fn usage() -> ! {
    eprintln!("usage: synthetic DIR N [--seed S]");
    std::process::exit(2);
}

/// Every term id the text banks link to must exist in the vocabularies that were copied.
fn check_banks(site: &Site) {
    let all = [
        BACKGROUND,
        PROCESS,
        ORGANISATION,
        AREAS,
        IMPLEMENTATION,
        FOLLOW_UP,
        LESSONS,
        FUTURE,
    ];
    for bank in all {
        for sentence in bank {
            for (file, terms) in [
                ("focus-areas", &site.focus),
                ("success-factors", &site.factors),
                ("process-steps", &site.steps),
            ] {
                let needle = format!("@/vocabulary/{file}.yaml#");
                for (pos, _) in sentence.match_indices(&needle) {
                    let id: String = sentence[pos + needle.len()..]
                        .chars()
                        .take_while(|c| *c != ')')
                        .collect();
                    assert!(
                        terms.iter().any(|t| t.id == id),
                        "the text bank links to unknown term {file}#{id}"
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// YAML and Markdown output

/// A scalar that needs no quotes in YAML, or a double-quoted one.
fn scalar(s: &str) -> String {
    let special = s.is_empty()
        || s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_ascii_digit())
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':');
    if special {
        format!("{s:?}")
    } else {
        s.to_string()
    }
}

/// `key: value` on one line when short, else a folded block (`>-`) wrapped like the real files. A key written
/// as `- key` starts a sequence item.
fn field(out: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    let content = " ".repeat(indent + 2 + if key.starts_with("- ") { 2 } else { 0 });
    if indent + key.len() + 2 + text.len() <= WIDTH && !text.contains('\n') {
        let _ = writeln!(out, "{pad}{key}: {}", scalar(text));
    } else {
        let _ = writeln!(out, "{pad}{key}: >-");
        wrap(out, text, &content, &content);
    }
}

/// Wraps words at WIDTH. Never starts a line with something Markdown could read as a list or heading.
fn wrap(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split(' ') {
        let risky = word.starts_with(['-', '+', '*', '#', '>', '|'])
            || (word.ends_with(['.', ')'])
                && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit()));
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH && !risky {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

fn paragraph(text: &str) -> String {
    let mut out = String::new();
    wrap(&mut out, text, "", "");
    out
}

fn bullet(text: &str) -> String {
    let mut out = String::new();
    wrap(&mut out, text, "- ", "  ");
    out
}

// ---------------------------------------------------------------------------------------------------------
// One case

/// The case file and the size of its body in bytes.
fn case(site: &Site, i: usize) -> (String, usize) {
    let id = site.ident(i);
    let place = id.place;
    let mut rng = Rng::new(site.seed, i as u64, 1);
    let (def, defs, fm, ks, ksf, direktor) = match place.kind {
        Kind::Kommun => (
            "kommunen",
            "kommunens",
            "kommunfullmäktige",
            "kommunstyrelsen",
            "kommunledningskontoret",
            "kommundirektören",
        ),
        Kind::Region => (
            "regionen",
            "regionens",
            "regionfullmäktige",
            "regionstyrelsen",
            "regionledningskontoret",
            "regiondirektören",
        ),
        Kind::Forbund => (
            "förbundet",
            "förbundets",
            "förbundsstämman",
            "förbundsstyrelsen",
            "förbundets kansli",
            "förbundsdirektören",
        ),
    };
    let org = match place.kind {
        Kind::Kommun => municipality(place.name),
        _ => place.name.to_string(),
    };
    let vplats = match place.kind {
        Kind::Kommun => place.name.to_string(),
        _ => place.county.to_string(),
    };
    let omrade = if place.kind == Kind::Kommun {
        "kommunen"
    } else {
        "länet"
    };
    // Document
    let doc_type = *rng.pick(&[
        "strategi",
        "strategi",
        "strategi",
        "strategi",
        "program",
        "program",
        "handlingsplan",
        "rapport",
    ]);
    let year = 2008 + rng.below(17); // adopted 2008–2024
    let month = 1 + rng.below(12);
    let start = year - 1 - rng.below(2);
    let (egen, en_dok, antog) = match doc_type {
        "strategi" => ("sin integrationsstrategi", "en strategi", "antog"),
        "program" => ("sitt integrationsprogram", "ett program", "antog"),
        "handlingsplan" => (
            "sin handlingsplan för integration",
            "en handlingsplan",
            "antog",
        ),
        _ => ("sin rapport om integrationsarbetet", "en rapport", "gav ut"),
    };
    let doc_title = match doc_type {
        "strategi" => rng
            .pick(&[
                "Strategi för integration".to_string(),
                format!("Integrationsstrategi {year}–{}", year + 4),
                "Strategi för inkludering och integration".to_string(),
                format!("Strategi för ett inkluderande {vplats}"),
            ])
            .clone(),
        "program" => rng
            .pick(&[
                "Program för integration".to_string(),
                "Integrationsprogram".to_string(),
                "Program för mångfald och integration".to_string(),
            ])
            .clone(),
        "handlingsplan" => rng
            .pick(&[
                format!("Handlingsplan för integration {year}–{}", year + 2),
                "Handlingsplan för mottagande och etablering".to_string(),
            ])
            .clone(),
        _ => rng
            .pick(&[
                format!("Integration i {vplats} – en lägesrapport"),
                "Kartläggning av integrationsarbetet".to_string(),
            ])
            .clone(),
    };
    // Key facts
    let population: u64 = match place.kind {
        Kind::Kommun => match BIG_CITIES.iter().find(|(name, _)| *name == place.name) {
            Some((_, people)) => people * (90 + rng.below(15) as u64) / 100,
            // Log-uniform between about 2,400 and 100,000, like most of Sweden's municipalities.
            None => (7.8 + (rng.below(10_000) as f64 / 10_000.0) * 3.7).exp() as u64,
        },
        _ => 60_000 + rng.below(2_300_000) as u64,
    };
    let fact_year = year.min(2023) - rng.below(2);
    let foreign = 8 + rng.below(30);
    let foreign_dec = rng.below(10);
    let p1 = 30 + rng.below(20);
    let p2 = p1 + 4 + rng.below(16);
    // Terms
    let n_focus = rng.range(3, 8);
    let mut focus: Vec<(String, String)> = Vec::new();
    for t in rng.sample(site.focus.len(), n_focus) {
        let term = &site.focus[t];
        let label = FOCUS_TEXTS
            .iter()
            .find(|(id, _, _)| *id == term.id)
            .map_or(term.label.clone(), |(_, labels, _)| {
                rng.pick(labels).to_string()
            });
        focus.push((term.id.clone(), label));
    }
    let n_factors = rng.range(2, 6);
    let mut factors: Vec<(String, String)> = Vec::new();
    for t in rng.sample(site.factors.len(), n_factors) {
        let term = &site.factors[t];
        let label = FACTOR_TEXTS
            .iter()
            .find(|(id, _, _)| *id == term.id)
            .map_or(term.label.clone(), |(_, labels, _)| {
                rng.pick(labels).to_string()
            });
        factors.push((term.id.clone(), label));
    }
    let vars: Vec<(&'static str, String)> = vec![
        ("org", org.clone()),
        ("def", def.into()),
        ("defs", defs.into()),
        ("fm", fm.into()),
        ("ks", ks.into()),
        ("ksf", ksf.into()),
        ("direktör", direktor.into()),
        ("plats", place.name.into()),
        ("vplats", vplats.clone()),
        ("område", omrade.into()),
        ("län", place.county.into()),
        ("år", year.to_string()),
        ("år0", start.to_string()),
        ("år1", (year + 1 + rng.below(2)).to_string()),
        ("år2", (year + 4 + rng.below(2)).to_string()),
        ("årgammal", (1994 + rng.below(12)).to_string()),
        ("årfakta", fact_year.to_string()),
        ("inv", thousands(population)),
        ("utrikes", format!("{foreign},{foreign_dec}")),
        ("månad", SWEDISH_MONTHS[month - 1].into()),
        ("egen", egen.into()),
        ("en_dok", en_dok.into()),
        ("antog", antog.into()),
        ("nfa", number_word(focus.len())),
        ("p1", p1.to_string()),
        ("p2", p2.to_string()),
    ];
    let mut w = Writer {
        site,
        i,
        rng,
        vars,
        focus,
        factors,
        next_focus: 0,
    };
    let source_main = format!("strategi-{year}");
    let mut s = String::with_capacity(16_384);

    // --- front matter
    s.push_str("---\n");
    let _ = writeln!(s, "title: {}", scalar(&site.title(i)));
    let _ = writeln!(
        s,
        "kind: {}",
        match place.kind {
            Kind::Kommun => "kommun",
            Kind::Region => "region",
            Kind::Forbund => "kommunförbund",
        }
    );
    let _ = writeln!(s, "place: {}", scalar(place.name));
    let _ = writeln!(s, "county: {}", scalar(place.county));
    let mut summary = w.pick_fill(SUMMARY_FIRST);
    if w.rng.chance(70) {
        summary.push(' ');
        let second = SUMMARY_SECOND[w.rng.below(SUMMARY_SECOND.len())];
        summary.push_str(&w.fill(second, false));
    }
    field(&mut s, 0, "summary", &summary);
    let _ = writeln!(
        s,
        "updated: {}-{:02}",
        2024 + w.rng.below(3),
        1 + w.rng.below(12)
    );
    s.push('\n');

    s.push_str("document:\n");
    field(&mut s, 2, "title", &doc_title);
    let _ = writeln!(s, "  type: {doc_type}");
    let _ = writeln!(s, "  adopted: {year}-{month:02}");
    let adopted_by = if doc_type == "rapport" {
        capitalise(ksf)
    } else {
        capitalise(fm)
    };
    let _ = writeln!(s, "  adopted_by: {}", scalar(&adopted_by));
    if doc_type != "rapport" {
        let _ = writeln!(s, "  valid: {year}–{}", year + 2 + w.rng.below(4));
    }
    let status = if year < 2016 {
        *w.rng
            .pick(&["ersatt", "avslutad", "under revidering", "gällande"])
    } else {
        *w.rng
            .pick(&["gällande", "gällande", "under revidering", "under arbete"])
    };
    let _ = writeln!(s, "  status: {status}");
    if w.rng.chance(40) {
        let old = w.fill("Invandrarpolitiskt program ({årgammal})", false);
        field(&mut s, 2, "replaces", &old);
    }
    if w.rng.chance(50) {
        let _ = writeln!(
            s,
            "  url: https://www.example.org/{}/{}.pdf",
            slugify(place.name),
            slugify(&doc_title)
        );
    }
    let _ = writeln!(s, "  source: {source_main}");
    s.push('\n');

    s.push_str("facts:\n");
    let _ = write!(
        s,
        "  - kind: population\n    value: {population}\n    unit: invånare\n    date: {fact_year}-12-31\n    source: {source_main}\n"
    );
    let growth = w.rng.below(60) as f64 / 10.0 - 2.0;
    let _ = write!(
        s,
        "  - kind: population_growth\n    value: {growth:.1}\n    unit: procent\n    date: \"{fact_year}\"\n    period: {}–{fact_year}\n    source: {source_main}\n",
        fact_year - 3
    );
    let _ = write!(
        s,
        "  - kind: unemployment\n    value: {}.{}\n    unit: procent\n    date: \"{fact_year}\"\n    source: {source_main}\n    note: Öppet arbetslösa och sökande i program, andel av befolkningen 16–64 år.\n",
        3 + w.rng.below(10),
        w.rng.below(10)
    );
    let _ = write!(
        s,
        "  - kind: foreign_born\n    value: {foreign}.{foreign_dec}\n    unit: procent\n    date: {fact_year}-12-31\n    source: {source_main}\n"
    );
    if w.rng.chance(40) {
        let _ = write!(
            s,
            "  - kind: other\n    label: Mottagna nyanlända\n    value: {}\n    unit: personer\n    date: \"{}\"\n    source: {source_main}\n",
            20 + w.rng.below(population as usize / 60 + 1),
            fact_year
        );
    }
    s.push('\n');

    s.push_str("vision:\n");
    let vision = w.pick_fill(VISIONS);
    field(&mut s, 2, "text", &vision);
    let _ = writeln!(s, "  source: {source_main}");
    s.push_str("  goals:\n");
    let count = w.rng.range(2, 5);
    for g in w.rng.sample(GOALS.len(), count) {
        let goal = w.fill(GOALS[g], false);
        let _ = writeln!(s, "    - {}", scalar(&goal));
    }
    s.push('\n');

    s.push_str("process:\n");
    let led_by = w.pick_fill(LED_BY);
    field(&mut s, 2, "led_by", &led_by);
    let duration = w.pick_fill(DURATIONS);
    field(&mut s, 2, "duration", &duration);
    let resources = w.pick_fill(RESOURCES);
    field(&mut s, 2, "resources", &resources);
    s.push_str("  steps:\n");
    for (date, step) in steps(&mut w, start, year, month) {
        let text = STEP_TEXTS
            .iter()
            .find(|(id, _)| *id == step)
            .map_or("Ett steg i arbetet med strategin.", |(_, t)| t);
        let text = w.fill(text, false);
        let _ = writeln!(s, "    - date: {date}");
        let _ = writeln!(s, "      step: {step}");
        field(&mut s, 6, "text", &text);
        let _ = writeln!(s, "      source: {source_main}");
    }
    s.push('\n');

    s.push_str("focus_areas:\n");
    for (term, label) in w.focus.clone() {
        let label = w.fill(&label, false);
        let _ = writeln!(s, "  - term: {term}");
        let _ = writeln!(s, "    label: {}", scalar(&label));
        if let Some((_, _, text)) = FOCUS_TEXTS.iter().find(|(id, _, _)| *id == term) {
            let text = w.fill(text, false);
            field(&mut s, 4, "text", &text);
        }
        let _ = writeln!(s, "    source: {source_main}");
    }
    s.push('\n');

    s.push_str("success_factors:\n");
    for (term, label) in w.factors.clone() {
        let label = w.fill(&label, false);
        let _ = writeln!(s, "  - term: {term}");
        let _ = writeln!(s, "    label: {}", scalar(&label));
        if let Some((_, _, text)) = FACTOR_TEXTS.iter().find(|(id, _, _)| *id == term) {
            let text = w.fill(text, false);
            field(&mut s, 4, "text", &text);
        }
        let outcome = if w.rng.chance(25) {
            "lärdom"
        } else {
            "framgång"
        };
        let _ = writeln!(s, "    outcome: {outcome}");
        let _ = writeln!(s, "    source: {source_main}");
    }
    s.push('\n');

    let mut used = Vec::new();
    let organisation = w.sentences(ORGANISATION, &mut used, 3, false).join(" ");
    field(&mut s, 0, "organisation", &organisation);
    s.push_str("target_groups:\n");
    let count = w.rng.range(1, 3);
    for g in w.rng.sample(TARGET_GROUPS.len(), count) {
        let _ = writeln!(s, "  - {}", scalar(TARGET_GROUPS[g]));
    }
    let child = w.pick_fill(CHILD_PERSPECTIVE);
    field(&mut s, 0, "child_perspective", &child);
    s.push_str("follow_up:\n");
    let follow = w.sentences(FOLLOW_UP, &mut Vec::new(), 2, false).join(" ");
    field(&mut s, 2, "text", &follow);
    s.push_str("  indicators:\n");
    let count = w.rng.range(2, 4);
    for k in w.rng.sample(INDICATORS.len(), count) {
        let _ = writeln!(s, "    - {}", scalar(INDICATORS[k]));
    }
    let next = w.pick_fill(NEXT_STEPS);
    field(&mut s, 0, "next_steps", &next);
    s.push('\n');

    s.push_str("quotes:\n");
    let count = w.rng.range(1, 3);
    for q in w.rng.sample(QUOTES.len(), count) {
        let speaker = w.pick_fill(SPEAKERS);
        field(&mut s, 2, "- text", QUOTES[q]);
        let _ = writeln!(s, "    speaker: {}", scalar(&speaker));
        let _ = writeln!(s, "    source: intervju");
    }

    if w.rng.chance(40) {
        s.push_str("\nseries:\n");
        let newcomers = w.rng.chance(50);
        let (sid, stitle, unit) = if newcomers {
            ("mottagna", "Mottagna nyanlända per år", "personer")
        } else {
            ("folkmangd", "Folkmängd 31 december", "invånare")
        };
        let _ = write!(
            s,
            "  - id: {sid}\n    title: {stitle}\n    unit: {unit}\n    source: {source_main}\n    points:\n"
        );
        let points = 6 + w.rng.below(7);
        let mut value = if newcomers {
            10 + population as usize / 400
        } else {
            population as usize
        };
        for k in 0..points {
            let _ = writeln!(
                s,
                "      - {{ period: \"{}\", value: {value} }}",
                fact_year + 1 - points + k
            );
            let step = (value / 40).max(3);
            value = (value + w.rng.below(2 * step + 1))
                .saturating_sub(step)
                .max(1);
        }
    }

    if site.n > 1 && w.rng.chance(60) {
        s.push_str("\nrelated:\n");
        let mut seen = Vec::new();
        for _ in 0..w.rng.range(1, 3) {
            let j = w.other_case();
            if !seen.contains(&j) {
                seen.push(j);
                let _ = writeln!(s, "  - {}", site.slug(j));
            }
        }
    }

    s.push_str("\nsources:\n");
    let _ = writeln!(s, "  - id: {source_main}");
    field(&mut s, 4, "title", &doc_title);
    let _ = writeln!(s, "    publisher: {}", scalar(&org));
    let _ = writeln!(s, "    year: {year}");
    s.push_str("  - id: intervju\n    title: Intervju om arbetet med strategin\n    publisher: inspira (syntetiskt exempel)\n");
    let _ = writeln!(s, "    year: {}", (year + 2).min(2026));
    field(
        &mut s,
        4,
        "note",
        &w.fill(
            "Telefonintervju med en ansvarig tjänsteperson på {ksf}.",
            false,
        ),
    );
    if w.rng.chance(30) {
        s.push_str("  - id: ksl-2016\n    title: Inspiration för integration\n    publisher: KSL, Kommunförbundet Stockholms Län\n    year: 2016\n");
    }
    s.push_str("---\n\n");

    // --- body
    let body = body(&mut w);
    s.push_str(&body);
    (s, body.len())
}

/// Dated process steps in time order: a subset of the vocabulary's steps, in its order, around the adoption.
fn steps(w: &mut Writer, start: usize, year: usize, month: usize) -> Vec<(String, String)> {
    let ids: Vec<String> = w.site.steps.iter().map(|t| t.id.clone()).collect();
    let adoption = ids.iter().position(|s| s == "antagande");
    let chosen: Vec<usize> = (0..ids.len())
        .filter(|&k| Some(k) == adoption || k == 0 || w.rng.chance(55))
        .collect();
    // Months since January of `start`: steps before the adoption spread up to it, the rest after it.
    let adopted_at = (year - start) * 12 + month - 1;
    let before = chosen
        .iter()
        .filter(|&&k| adoption.is_none_or(|a| k < a))
        .count();
    let mut out = Vec::new();
    let mut t = 0;
    for (pos, &k) in chosen.iter().enumerate() {
        let at = if Some(k) == adoption {
            adopted_at
        } else if pos < before {
            adopted_at * pos / before
        } else {
            t + 2 + w.rng.below(10)
        };
        t = t.max(at);
        let (y, m) = (start + t / 12, t % 12 + 1);
        if y > 2026 {
            break;
        }
        let date = if Some(k) == adoption || w.rng.chance(70) {
            format!("{y}-{m:02}")
        } else {
            format!("\"{y}\"")
        };
        out.push((date, ids[k].clone()));
    }
    out
}

/// The Markdown body: sections filled round-robin until a size drawn between BODY_MIN and BODY_MAX.
fn body(w: &mut Writer) -> String {
    let target = w.rng.range(BODY_MIN, BODY_MAX - 400);
    let banks: [(&str, &[&str]); 8] = [
        ("Bakgrund", BACKGROUND),
        ("Så togs strategin fram", PROCESS),
        ("Organisation och styrning", ORGANISATION),
        ("Prioriterade områden", AREAS),
        ("Genomförande", IMPLEMENTATION),
        ("Uppföljning", FOLLOW_UP),
        ("Lärdomar", LESSONS),
        ("Framtiden", FUTURE),
    ];
    let mut sections: Vec<String> = banks.iter().map(|(h, _)| format!("## {h}\n")).collect();
    let mut used: Vec<Vec<usize>> = vec![Vec::new(); banks.len()];
    let mut size = 0;
    let mut lists_done = [false; 2];
    'rounds: for round in 0..6 {
        for (k, (_, bank)) in banks.iter().enumerate() {
            if size >= target {
                break 'rounds;
            }
            let count = w.rng.range(2, 5);
            let sentences = w.sentences(bank, &mut used[k], count, true);
            let mut block = String::new();
            if !sentences.is_empty() {
                block = paragraph(&sentences.join(" "));
            }
            // A list of the case's own focus areas or success factors, once, in the second round.
            if round == 1 && k == 3 && !lists_done[0] {
                lists_done[0] = true;
                block.push_str(&format!(
                    "\n{}\n\n",
                    w.fill("De prioriterade områdena är:", false)
                ));
                for (id, label) in w.focus.clone() {
                    let label = w.fill(&label, false);
                    block.push_str(&bullet(&format!(
                        "[{label}](@/vocabulary/focus-areas.yaml#{id})"
                    )));
                }
            }
            if round == 1 && k == 6 && !lists_done[1] {
                lists_done[1] = true;
                block.push_str("\nI efterhand lyfter man fram:\n\n");
                for (id, label) in w.factors.clone() {
                    let label = w.fill(&label, false);
                    let text = FACTOR_TEXTS
                        .iter()
                        .find(|(t, _, _)| *t == id)
                        .map_or(String::new(), |(_, _, t)| {
                            format!(" – {}", lower_first(&w.fill(t, false)))
                        });
                    let text = text.trim_end_matches('.');
                    block.push_str(&bullet(&format!("**{label}**{text}.")));
                }
            }
            if block.is_empty() {
                continue;
            }
            let mut grown = sections[k].clone();
            grown.push('\n');
            grown.push_str(&block);
            let new_size = size - section_len(&sections[k]) + section_len(&grown);
            if new_size > BODY_MAX {
                break 'rounds;
            }
            sections[k] = grown;
            size = new_size;
        }
    }
    let mut out = String::new();
    for s in sections.into_iter().filter(|s| s.lines().count() > 1) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&s);
    }
    debug_assert_eq!(out.len(), size.saturating_sub(1));
    out
}

/// A section's share of the body: its text and the blank line before the next, or nothing while it is empty.
fn section_len(section: &str) -> usize {
    if section.lines().count() > 1 {
        section.len() + 1
    } else {
        0
    }
}

// ---------------------------------------------------------------------------------------------------------
// Pages: an about page and two publications, so booklets and menus are built too.

fn pages(site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let link = |j: usize| format!("[{}](@/cases/{}.md)", site.title(j), site.slug(j));
    let mut about = String::from(
        "---\ntitle: Om kunskapsbanken\nsummary: >-\n  Vad kunskapsbanken är, hur fallen jämförs och hur du bidrar med ett nytt fall.\nkind: page\nmenu: 9\n---\n\n## Vad är kunskapsbanken?\n\n",
    );
    let mut text = String::from(
        "Kunskapsbanken samlar syntetiska exempel på hur kommuner, regioner och kommunförbund i Sverige har tagit fram \
         och arbetar med strategier för integration. Varje fall beskriver strategidokumentet, nyckeltal, visionen, \
         processen, [fokusområdena](@/vocabulary/focus-areas.yaml) och [framgångsfaktorerna](@/vocabulary/success-factors.yaml).",
    );
    if site.n > 1 {
        let _ = write!(text, " Se till exempel {} och {}.", link(0), link(1));
    }
    about.push_str(&paragraph(&text));
    about.push_str("\n## Hur fallen jämförs\n\n");
    about.push_str(&paragraph(
        "Varje fall behåller sina egna formuleringar, som förs till gemensamma termer så att strategierna kan \
         jämföras sida vid sida. Termen [bostad och bosättning](@/vocabulary/focus-areas.yaml#bostad) samlar till \
         exempel allt som fallen skriver om boende och bostadsförsörjning.",
    ));
    out.push(("om".to_string(), about));
    if site.n == 0 {
        return out;
    }
    let publications = [
        (
            "inspiration-for-integration",
            "Inspiration för integration",
            "KSL, Kommunförbundet Stockholms Län",
            2016,
            0..site.n.min(6),
        ),
        (
            "tillgang-eller-belastning",
            "Tillgång eller belastning?",
            "Kommunförbundet Skåne",
            2018,
            site.n.min(6)..site.n.min(18),
        ),
    ];
    for (k, (slug, title, publisher, year, cases)) in publications.into_iter().enumerate() {
        let cases: Vec<usize> = if cases.is_empty() {
            vec![0]
        } else {
            cases.collect()
        };
        let slugs: Vec<String> = cases.iter().map(|&j| site.slug(j)).collect();
        let mut page = String::new();
        let _ = write!(
            page,
            "---\ntitle: {}\nsummary: >-\n  En exempelsamling från {year} med {} fall av integrationsstrategier i kommuner och regioner.\nkind: publication\nmenu: {}\npublication:\n  title: {}\n  publisher: {publisher}\n  year: {year}\ncases: [{}]\n---\n\n## Om publikationen\n\n",
            scalar(title),
            cases.len(),
            k + 2,
            scalar(title),
            slugs.join(", ")
        );
        let names: Vec<String> = cases.iter().map(|&j| link(j)).collect();
        page.push_str(&paragraph(&format!(
            "Publikationen gavs ut av {publisher} {year} och beskriver hur kommuner och regioner har tagit fram sina \
             integrationsstrategier, med intervjuer, goda exempel och rekommendationer. Fallen i samlingen är {}.",
            names.join(", ")
        )));
        out.push((slug.to_string(), page));
    }
    out
}
