# Meddelanden från inspira check och inspira build, på svenska.
# Varje meddelande finns också i locales/en/diagnostics.ftl, med samma argument; ett test ser till det.
# Skriv enkelt och vänligt, i du-form: vad som är fel, var, och hur man rättar det.

## Rubrikernas ord

level-error = fel
level-warning = varning
level-help = tips

## Förslag

did-you-mean = menade du `{ $name }`?

## Tomma fält och platshållare (empty-field, placeholder)

empty-field = `{ $path }` är tomt
empty-field-label = fyll i
empty-field-help = skriv värdet mellan citattecknen, eller ta bort fältet om det är frivilligt
placeholder-left = `{ $path }` har kvar mallens platshållare
placeholder-left-value = `{ $path }` har kvar mallens platshållare `{ $value }`
placeholder-label = platshållare från inspira new case
placeholder-date-help = skriv datumet så exakt som källan ger det (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ), `omkring ÅÅÅÅ`, eller `okänt` när källan inte säger det
placeholder-updated-help = skriv när du senast stämde av beskrivningen mot källorna, t.ex. 2024-05
placeholder-valid-until-help = skriv det sista året (eller dagen) som dokumentet gäller, eller ta bort fältet
placeholder-status-checked-help = skriv när statusen stämde, t.ex. året för källan som säger det; säger källan inget om statusen, ta bort både `status` och `status_checked`
placeholder-figure-help = skriv siffran ur källan, utan mellanslag och med punkt som decimaltecken; är den verkligen 0, räcker det att datum och källa är ifyllda
placeholder-fact-date-help = skriv datumet som siffran gäller, t.ex. 2015-12-31
placeholder-source-id-help = ge källan ett eget kort id, t.ex. utgivare och år (`ksl-2016`), och skriv samma id i alla `source:` som pekar på den
placeholder-source-year-help = skriv året då källan gavs ut
placeholder-description = beskrivningen har kvar mallens instruktioner
placeholder-description-help = ta bort kommentaren och beskriv exemplet med egna ord, under rubriker som ## Bakgrund och ## Så togs strategin fram

## Sista raden

count-errors = { $count } fel
count-warnings = { $count } { $count ->
        [one] varning
       *[other] varningar
    }
summary-check-passed = kontrollen gick igenom: { $errors }, { $warnings }
summary-check-failed = kontrollen hittade fel: { $errors }, { $warnings }
summary-build-failed = bygget misslyckades: { $errors }, { $warnings }; webbplatsen från förra bygget är orörd
summary-built = Byggde { $cases } exempel till { $output } ({ $files } filer, { $warnings }) på { $ms } ms

## Webbplatsens inställningar, inspira.toml (config, base-url)

config-unreadable = det gick inte att läsa webbplatsens inställningar: { $error }
config-unreadable-help = kör inspira i webbplatsens mapp (den med inspira.toml), eller ange mappen med --root <mapp>
config-toml = inspira.toml är inte giltig TOML: { $problem }
config-unknown-key = inspira.toml har en okänd inställning `{ $key }`
config-unknown-key-label = ingen inställning här
config-unknown-key-help = inställningar som finns här: { $keys }
config-base-url = `base_url` { $problem }
config-base-url-help = skriv en fullständig adress som https://example.org/integration/ eller en sökväg som /integration/
base-url-option = --base-url { $problem }
base-url-not-url-or-path = `{ $url }` är varken en http(s)-adress eller en sökväg som börjar med `/`
base-url-bad-character = `{ $url }` får inte innehålla mellanslag, citattecken, `?` eller `#`
config-cases-per-page = `cases_per_page` är 0
config-cases-per-page-help = varje jämförelsesida behöver plats för minst ett exempel; standardvärdet är 50
config-diagnostics-language = `diagnostics_language` är `{ $value }`, men meddelandena finns bara på svenska och engelska
config-diagnostics-language-help = skriv `diagnostics_language = "sv"` eller `diagnostics_language = "en"`, eller ta bort raden
config-accent = `{ $key }` { $problem }
config-accent-help = text och länkar i accentfärgen behöver en kontrast på minst 4,5:1 mot vit bakgrund (WCAG 1.4.3); välj en mörkare eller ljusare nyans
config-accent-dark-help = text och länkar i accentfärgen behöver en kontrast på minst 4,5:1 mot den mörka bakgrunden (WCAG 1.4.3); välj en mörkare eller ljusare nyans
accent-not-hex = `{ $colour }` är inte en färg skriven #rrggbb
accent-low-contrast = `{ $colour }` har bara kontrasten { $ratio }:1

## Filer (io, file-too-large, not-utf8, empty-file, no-front-matter, unclosed-front-matter)

file-unreadable = det gick inte att läsa filen: { $error }
file-too-large = filen är { $size } KiB; en innehållsfil får vara högst { $max } KiB
file-too-large-help = dela upp texten, eller flytta stora datamängder ut ur exemplet
not-utf8 = filen är inte sparad som UTF-8-text
not-utf8-label = det här tecknet är inte UTF-8
not-utf8-help = spara filen som UTF-8 (i de flesta program: ”Spara med kodning” → UTF-8)
empty-file = filen är tom
empty-file-help = börja filen med fälten mellan två rader med `---`; `inspira new case <namn>` skriver en mall
no-front-matter = filen börjar inte med fälten mellan två `---`-rader
no-front-matter-label = här ska det stå `---`
no-front-matter-help = första raden ska vara `---`, följd av YAML-fälten och ännu en rad med `---`
unclosed-front-matter = fälten avslutas aldrig med en rad med `---`
unclosed-front-matter-label = fälten börjar här
unclosed-front-matter-help = lägg till en rad med bara `---` efter det sista YAML-fältet, före den löpande texten

## YAML-fel (yaml)

yaml-tab-indent = rad { $line } börjar med en tabb; YAML tillåter bara mellanslag för indrag
yaml-tab-indent-help = byt tabben mot mellanslag, lika många som raderna ovanför har
yaml-tab = rad { $line } har en tabb, och YAML tillåter inte tabbar här
yaml-tab-help = byt tabben mot ett mellanslag
yaml-tab-label = tabb
yaml-unknown-field = fältet `{ $field }` finns inte
yaml-unknown-field-label = inget fält i det här avsnittet
yaml-unknown-field-did-you-mean = menade du `{ $name }`? (fält som finns här: { $fields })
yaml-unknown-field-help = fält som finns här: { $fields }
yaml-unknown-value = `{ $value }` är inte ett tillåtet värde här
yaml-unknown-value-label = inte tillåtet
yaml-unknown-value-did-you-mean = menade du `{ $name }`? (tillåtna värden: { $values })
yaml-unknown-value-help = tillåtna värden: { $values }
yaml-missing-field = det obligatoriska fältet `{ $field }` saknas
yaml-missing-field-in = det obligatoriska fältet `{ $field }` saknas i `{ $parent }`
yaml-missing-field-label = `{ $field }` saknas i avsnittet som den här raden hör till
yaml-missing-field-help = lägg till `{ $field }:`; docs/content-model.md beskriver varje fält
yaml-missing-field-before-label = lägg till `{ $field }:` före den här raden
yaml-missing-field-after-label = lägg till `{ $field }:` efter den här raden
yaml-missing-field-after-help = lägg till `{ $line }` efter `{ $after }`
yaml-missing-field-after-example-help = lägg till `{ $field }:` efter `{ $after }`, t.ex. `{ $example }`
yaml-missing-field-after-plain-help = lägg till `{ $field }:` efter `{ $after }`; docs/content-model.md beskriver fältet
yaml-not-a-number = värdet måste vara ett tal
yaml-not-a-number-label = inte ett tal
yaml-not-a-number-help = skriv talet utan mellanslag och enheter, med punkt som decimaltecken: 29272 eller 8.3
yaml-duplicate-key = fältet `{ $key }` står två gånger
yaml-duplicate-key-label = står här igen
yaml-duplicate-key-help = behåll ett `{ $key }:` och ta bort det andra
yaml-not-text = värdet måste vara text
yaml-not-text-label = här ska det stå text
yaml-not-text-help = ett värde som börjar med [ { "{" } * & ! | > eller ett citattecken läses som YAML-kod: sätt hela texten inom dubbla citattecken
yaml-not-a-date = `{ $value }` är inget datum som inspira kan läsa
yaml-date-month = `{ $value }` har månad { $month }; månaderna går från 01 till 12
yaml-date-day = `{ $value }` är inget riktigt datum: månad { $month } år { $year } har { $days } dagar
yaml-date-label = ogiltigt datum
yaml-date-suggestion = skriv `{ $date }`: år-månad-dag, med siffror
yaml-date-help = skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, t.ex. 2015-12-31, `omkring 2015`, eller `okänt`
yaml-other = fälten går inte att läsa: { $problem }
yaml-other-help = kontrollera indragen, och att text som innehåller `: ` eller börjar med ett specialtecken står inom citattecken

## Hänvisningar (unknown-term, unknown-source, duplicate-source, unknown-case, self-reference, empty-dimension)

unknown-term = `{ $term }` är inget begrepp i ordlistan för { $vocabulary ->
        [focus-areas] fokusområden
        [success-factors] framgångsfaktorer
       *[other] processteg
    }
unknown-term-label = okänt begrepp
unknown-term-did-you-mean = menade du `{ $name }`? (begreppen står i content/vocabulary/{ $file })
unknown-term-help = skriv id:t för ett begrepp i content/vocabulary/{ $file }, eller föreslå ett nytt begrepp där
unknown-source = det finns ingen källa med id:t `{ $id }` i det här exemplet
unknown-source-label = finns inte i `sources:`
unknown-source-help = lägg till dokumentet i `sources:` med det här id:t, eller skriv id:t för en källa som redan står där
duplicate-source = källans id `{ $id }` används två gånger
duplicate-source-help = ge varje källa ett eget id
unknown-case = det finns inget exempel `{ $slug }`
self-reference = ett exempel kan inte vara relaterat till sig självt
empty-dimension = `{ $field }` har inga poster
empty-dimension-help = varje exempel behöver minst en post här: det är den som gör exemplet jämförbart
empty-dimension-steps-help = skriv minst ett daterat steg i hur strategin togs fram

## Länkar (broken-link)

broken-link = länken går till `{ $target }`, som inte finns
broken-link-help = kontrollera filnamnet under { $folder }
broken-link-unknown-kind = `{ $target }` är ingen länk som inspira förstår
broken-link-unknown-kind-help = skriv @/cases/<slug>.md, @/pages/<slug>.md eller @/vocabulary/<ordlista>.yaml#<begrepp>
broken-link-did-you-mean = menade du `{ $link }`?

## Filnamn och ordlistor (bad-slug, reserved-slug, duplicate-slug, walk, missing-vocabulary, bad-term-id, duplicate-term)

slug-empty = är tomt
slug-path = innehåller ett snedstreck eller `..`
slug-capitals = innehåller versaler
slug-spaces = innehåller mellanslag
slug-characters = innehåller andra tecken än a–z, 0–9 och -
slug-dash = börjar eller slutar med -
bad-slug-file = filnamnet `{ $name }` { $problem }, så det kan inte bli en webbadress
bad-slug-file-help = byt namn på filen till `{ $suggestion }.md` (filnamnen blir webbadresser: a–z, 0–9 och -)
reserved-slug = `{ $slug }` används av webbplatsen själv
reserved-slug-help = byt namn på sidan; de här namnen är upptagna: { $reserved }
duplicate-slug = två { $kind ->
        [cases] exempel
       *[other] sidor
    } har samma namn, `{ $slug }`
duplicate-slug-help = { $first } har samma filnamn; byt namn på en av dem
walk-loop = en symbolisk länk här pekar tillbaka in i en av sina egna överordnade mappar
walk-unreadable = det gick inte att läsa den här delen av innehållsmappen: { $error }
walk-help = ta bort länken eller låt den peka utanför content/
missing-vocabulary = ordlistan { $vocabulary } saknas
missing-vocabulary-help = skapa { $file } med en `title:` och en lista `terms:`
bad-term-id = begreppets id `{ $id }` { $problem }
bad-term-id-help = id:n för begrepp får bara innehålla a–z, 0–9 och -, t.ex. `arbete-och-forsorjning`
duplicate-term = begreppet `{ $id }` finns två gånger
duplicate-term-help = varje id måste vara unikt i sin ordlista; byt namn på det ena eller slå ihop dem

## Varningar om exemplen

missing-optional = exemplet saknar `{ $field }`
missing-facts-help = nyckeltal (invånare, arbetslöshet) gör att läsaren kan jämföra förutsättningarna
missing-quotes-help = korta citat med angiven källa är det läsaren minns
fact-without-date = nyckeltalet saknar `date` ({ $label })
fact-without-date-help = skriv datumet som siffran gäller, t.ex. `date: 2015-12-31`
fact-without-source = nyckeltalet saknar `source` ({ $label })
fact-without-source-help = lägg till `source:` med id:t för dokumentet som siffran kommer från
step-without-source = processteget saknar `source`
step-without-source-help = lägg till `source:` med id:t för dokumentet som beskriver steget
short-description = beskrivningen har { $words } ord
short-description-help = berätta om exemplet med egna ord under fälten, minst { $minimum } ord, under rubriker som ## Bakgrund
quote-without-source = citatet saknar `source`
quote-without-source-help = lägg till `source:` med id:t för dokumentet som citatet kommer från
vision-without-source = visionen saknar `source`
vision-without-source-help = lägg till `source:` under `vision:` med id:t för dokumentet som visionen är citerad ur
steps-out-of-order = det här steget ({ $date }) kommer före steget ovanför ({ $previous })
steps-out-of-order-help = skriv processtegen i tidsordning
status-unchecked = dokumentets `status` saknar `status_checked`
status-unchecked-help = lägg till `status_checked:` med datumet då statusen stämde, t.ex. året för källan som säger det
quote-attribution-neither = citatet säger varken vem som talar (`speaker:`) eller vilken publikation det kommer från (`narration:`)
quote-attribution-both = citatet har både `speaker:` och `narration:`
quote-attribution-help = skriv `speaker:` med rollen för den som säger det, eller, när källan inte säger vem som talar, `narration:` med publikationen det kommer från, t.ex. `narration: ur KSL:s intervju med Botkyrka kommun`
cases-not-needed = en publikations lista `cases:` behövs inte längre
cases-not-needed-help = ta bort `cases:`: sidan listar själv alla exempel vars `sources:` citerar publikationen (samma titel och år)
unused-term = inget exempel använder begreppet `{ $id }`
unused-term-help = koppla ett exempel till begreppet, eller ta bort det om inget exempel behöver det

## Värden som aldrig visas (not-shown)

not-shown-label = visas inte
not-shown-status-checked = `document.status_checked` visas inte: dokumentet har ingen `status`
not-shown-status-checked-help = lägg till `status:` (gällande, under arbete, under revidering, ersatt eller avslutad), eller ta bort `status_checked`
not-shown-valid-until = `document.valid_until` används inte: utan `status_checked` eller `updated` går det inte att säga om giltighetstiden har gått ut
not-shown-valid-until-help = lägg till `status_checked:` med datumet då statusen stämde, t.ex. källans år; då visas dokumentet som utgånget när giltighetstiden har gått ut. Eller skriv giltighetstiden i `valid:`
not-shown-document-url = `document.url` visas inte som länk: `{ $url }` börjar inte med https:// eller http://
not-shown-source-url = källans `url` visas inte som länk: `{ $url }` börjar inte med https:// eller http://
not-shown-url-help = skriv hela adressen, med https:// först, t.ex. { $example }
not-shown-url-own-site-help = `url` är en adress på en annan webbplats; länka till webbplatsens egna sidor i texten, med @/
not-shown-publication-url = `publication.url` visas inte på webbplatsen
not-shown-publication-url-help = länka till publikationen i sidans text i stället, t.ex. [Läs rapporten](https://…)

## Länkar från webbplatsens rot (root-relative-link)

root-relative-link = länken `{ $target }` utgår från webbplatsens rot och slutar fungera när webbplatsen publiceras under en sökväg
root-relative-link-label = länka till filen med @/
root-relative-link-help = skriv `{ $link }` i stället: inspira gör om länken till rätt adress och kontrollerar att målet finns
root-relative-link-other-help = länka till filen med @/ (@/cases/<slug>.md, @/pages/<slug>.md, @/vocabulary/<ordlista>.yaml#<begrepp>); till andra sidor med hela adressen, som börjar med https://

## Filer som ges till inspira check (not-content)

not-content-root = webbplatsens mapp { $root } går inte att läsa: { $error }
not-content-root-help = ange mappen med inspira.toml med --root
not-content-folder = `{ $path }` är en mapp, inte en fil
not-content-folder-help = ange filerna, t.ex. content/cases/*.md, eller kör inspira check utan filer för att kontrollera hela webbplatsen
not-content-file = `{ $path }` är ingen innehållsfil
not-content-what = inspira check kontrollerar exempel (content/cases/<slug>.md), sidor (content/pages/<slug>.md) och ordlistor (content/vocabulary/<ordlista>.yaml)
not-content-outside = `{ $path }` ligger utanför webbplatsen i { $root }
not-content-outside-help = ange en fil under content/ i webbplatsens mapp, eller välj webbplatsen med --root
not-content-missing = `{ $path }` finns inte
not-content-missing-help = { not-content-what }; sökvägen får vara relativ till den här mappen eller till --root

## Nya exempel (inspira new case) och att skriva filer

new-case-bad-name = `{ $name }` går inte att göra till ett filnamn
new-case-bad-name-help = skriv ortens namn, t.ex. "Upplands Väsby", eller en slug med bara a–z, 0–9 och -, t.ex. upplands-vasby
new-case-exists = exemplet finns redan
new-case-exists-help = öppna den befintliga filen och förbättra den i stället, eller välj ett annat namn
new-case-no-vocabulary = ordlistorna går inte att läsa
folder-not-created = mappen { $folder } går inte att skapa: { $error }
file-not-written = filen går inte att skriva: { $error }
no-cases = det finns inga exempel i content/cases
no-cases-help = lägg till ett med `inspira new case <namn>`
new-case-created = Skapade { $path }
new-case-named = Exemplets slug är `{ $slug }`; titel och ort är ifyllda med { $name }. Ändra dem om exemplet är känt under ett annat namn.
new-case-next = Nästa steg: fyll i fälten som kommentarerna i filen beskriver, och kontrollera filen med `inspira check { $path }`: den visar allt som återstår.
schema-wrote = Skrev { $path }
serve-failed = webbplatsen går inte att visa: { $error }
serve-port-in-use-help = ett annat program använder port { $port }; ange ett annat nummer med --port

## Temat och gränssnittets texter (i18n, template, config)

i18n-invalid = texttabellen är inte giltig: { $problem }
i18n-invalid-help = varje rad ska vara `nyckel = "text"`
i18n-no-language = det finns inga gränssnittstexter för språket `{ $language }`
i18n-no-language-help = skriv `ui_language = "sv"` eller `"en"`, eller lägg till { $file } med alla nycklar i temats sv.toml
i18n-missing = { $count } { $count ->
        [one] text saknas
       *[other] texter saknas
    }: { $keys }
i18n-missing-help = kopiera de saknade nycklarna från temats i18n/sv.toml och översätt dem
i18n-not-utf8 = texttabellen är inte sparad som UTF-8-text
template-not-utf8 = mallen är inte sparad som UTF-8-text
logo-missing = logotypen `{ $logo }` finns inte i static/
logo-missing-help = lägg filen i static/{ $logo }, eller rätta `logo` under [theme]
folder-unreadable = mappen { $folder }/ går inte att läsa: { $error }

## Bygget (output, io, export, search-index)

output-contains-site = utdatamappen { $folder } innehåller själva webbplatsen; välj en mapp i den, t.ex. public/
output-protected = utdatamappen kan inte vara { $folder }/, som innehåller webbplatsens egna filer
output-help = ange en annan mapp med --output
site-not-written = webbplatsen går inte att skriva till { $folder }: { $error }
path-not-written = { $path } går inte att skriva: { $error }
site-not-written-help = kontrollera att mappen går att skriva i och att disken inte är full; den tidigare webbplatsen är orörd
template-failed = mallen `{ $template }` gick inte att använda: { $error }
template-failed-help = om du har en egen version av mallen i templates/, jämför den med standardtemats
stale-not-removed = kunde inte ta bort { $file }, som inte längre hör till webbplatsen: { $error }
output-writable-help = kontrollera att utdatamappen går att skriva i
serve-serving = Visar { $folder } på { $url } (avsluta med Ctrl+C)
serve-watch-failed = varning: kan inte bevaka ändringar; starta om `inspira serve` när du har ändrat något
serve-updated = Uppdaterade { $cases } ({ $pages } { $pages ->
        [one] sida
       *[other] sidor
    }{ $removed ->
        [0] {""}
        [one] , { $removed } borttagen
       *[other] , { $removed } borttagna
    }) på { $ms } ms
export-failed = { $file } går inte att skriva: { $error }
search-index-failed = sökindexet går inte att bygga: { $error }
search-index-failed-help = det här är ett fel i inspira; själva sidorna byggdes som de skulle

## Fler YAML-fel (yaml)

yaml-colon-in-text = texten på rad { $line } innehåller `: `, som YAML läser som början på ett nytt fält
yaml-colon-in-text-label = här
yaml-colon-in-text-help = sätt hela texten inom dubbla citattecken, eller skriv den som ett textblock med `>-` på raden ovanför
yaml-dash-without-space = rad { $line } har inget mellanslag efter `-`
yaml-dash-without-space-label = mellanslag efter det här strecket
yaml-dash-without-space-help = skriv `{ $fixed }`: en ny post i en lista börjar med `- `
yaml-list-indent = rad { $line } har inte samma indrag som de andra posterna i listan
yaml-list-indent-help = ge raden samma indrag som posterna ovanför, och börja varje ny post med `- `
yaml-unclosed-quote = citattecknet på rad { $line } stängs aldrig
yaml-unclosed-quote-label = texten börjar här
yaml-unclosed-quote-help = avsluta texten med ett citattecken (") på samma rad, eller ta bort citattecknet
yaml-joined-lines = rad { $line } är indragen mer än raden ovanför, så YAML läser `{ $key }` som en fortsättning på värdet ovanför
yaml-joined-lines-label = för många mellanslag
yaml-joined-lines-help = ge `{ $key }:` samma indrag som rad { $above } ({ $spaces } mellanslag)
yaml-number-suggestion = skriv `{ $number }`: tal skrivs utan mellanslag, med punkt som decimaltecken
yaml-derived-date-note = ett härlett datum behöver en `note` som säger hur det följer av källan
yaml-date-derived-and-approximate = ett datum är antingen `derived` eller `approximate`, inte båda
yaml-date-form = datumet behöver `derived:` eller `approximate:` följt av datumet
yaml-date-form-help = skriv t.ex. `{ "{" }derived: "2009", note: "två år före antagandet"{ "}" }` eller `{ "{" }approximate: "2015", note: "i början av 2015"{ "}" }`; docs/content-model.md beskriver datumen
yaml-vision-form = visionen ska stå under `text:` (med `source:`), eller vara `okänt` när källan inte anger någon
yaml-vision-form-help = skriv `vision:` och på raderna under, indragna, `text: …` och `source: …`

## Förloppet under bygget (på en terminal)

progress-reading = Läser och kontrollerar innehållet
progress-preparing = Förbereder sidorna
progress-rendering = Skapar sidorna
progress-search-index = Gör klart sökindexet
progress-files-written = filer skrivna
