# Messages of inspira check and inspira build, in English.
# Every message is also in locales/sv/diagnostics.ftl, with the same arguments; a test makes sure of it.

## The words of the headings

level-error = error
level-warning = warning
level-help = help

## Suggestions

did-you-mean = did you mean `{ $name }`?

## Empty fields and placeholders (empty-field, placeholder)

empty-field = `{ $path }` is empty
empty-field-label = fill in
empty-field-help = write the value between the quotes, or remove the field if it is optional
placeholder-left = `{ $path }` still has the skeleton's placeholder
placeholder-left-value = `{ $path }` still has the skeleton's placeholder `{ $value }`
placeholder-label = placeholder from inspira new case
placeholder-date-help = write the date as exactly as the source gives it (YYYY-MM-DD, YYYY-MM or YYYY), `omkring YYYY`, or `okänt` when the source does not say
placeholder-updated-help = write when you last checked the description against the sources, e.g. 2024-05
placeholder-valid-until-help = write the last year (or day) the document applies, or remove the field
placeholder-status-checked-help = write when the status was true, e.g. the year of the source that says so; if the source says nothing about the status, remove both `status` and `status_checked`
placeholder-figure-help = write the figure from the source, without spaces and with a point for decimals; if it really is 0, filling in its date and source is enough
placeholder-fact-date-help = write the date the figure refers to, e.g. 2015-12-31
placeholder-source-id-help = give the source a short id of its own, e.g. publisher and year (`ksl-2016`), and write the same id in every `source:` that points at it
placeholder-source-year-help = write the year the source was published
placeholder-description = the description still has the skeleton's instructions
placeholder-description-help = remove the comment and describe the case in your own words, under headings such as ## Bakgrund and ## Så togs strategin fram

## The last line

count-errors = { $count } { $count ->
        [one] error
       *[other] errors
    }
count-warnings = { $count } { $count ->
        [one] warning
       *[other] warnings
    }
summary-check-passed = check passed: { $errors }, { $warnings }
summary-check-failed = check failed: { $errors }, { $warnings }
summary-build-failed = build failed: { $errors }, { $warnings }; the previous output was left untouched
summary-built = Built { $cases } cases into { $output } ({ $files } files, { $warnings }) in { $ms } ms

## The site's configuration, inspira.toml (config, base-url)

config-unreadable = could not read the site configuration: { $error }
config-unreadable-help = run inspira in a site folder (one with inspira.toml), or pass --root <folder>
config-toml = inspira.toml is not valid TOML: { $problem }
config-unknown-key = inspira.toml has an unknown setting `{ $key }`
config-unknown-key-label = no such setting here
config-unknown-key-help = settings allowed here: { $keys }
config-base-url = `base_url` { $problem }
config-base-url-help = write an absolute URL such as https://example.org/integration/ or a path such as /integration/
base-url-option = --base-url { $problem }
base-url-not-url-or-path = `{ $url }` is neither an http(s) URL nor a path starting with `/`
base-url-bad-character = `{ $url }` must not contain spaces, quotes, `?` or `#`
config-cases-per-page = `cases_per_page` is 0
config-cases-per-page-help = every comparison page needs room for at least one case; the default is 50
config-diagnostics-language = `diagnostics_language` is `{ $value }`, but messages exist only in Swedish and English
config-diagnostics-language-help = write `diagnostics_language = "sv"` or `diagnostics_language = "en"`, or remove the line
config-accent = `{ $key }` { $problem }
config-accent-help = text and links in the accent colour need a contrast of at least 4.5:1 against white (WCAG 1.4.3); choose a darker or lighter shade
config-accent-dark-help = text and links in the accent colour need a contrast of at least 4.5:1 against the dark background (WCAG 1.4.3); choose a darker or lighter shade
accent-not-hex = `{ $colour }` is not a colour written #rrggbb
accent-low-contrast = `{ $colour }` has a contrast of only { $ratio }:1

## Files (io, file-too-large, not-utf8, empty-file, no-front-matter, unclosed-front-matter)

file-unreadable = could not read the file: { $error }
file-too-large = the file is { $size } KiB; content files may be at most { $max } KiB
file-too-large-help = split the text, or move large data out of the case
not-utf8 = the file is not valid UTF-8 text
not-utf8-label = this byte is not UTF-8
not-utf8-help = save the file as UTF-8 (in most editors: “Save with encoding” → UTF-8)
empty-file = the file is empty
empty-file-help = start the file with front matter between two `---` lines; `inspira new case <name>` writes a skeleton
no-front-matter = the file does not start with front matter
no-front-matter-label = expected `---` here
no-front-matter-help = the first line must be `---`, followed by the YAML fields and another `---` line
unclosed-front-matter = the front matter is never closed
unclosed-front-matter-label = front matter starts here
unclosed-front-matter-help = add a line with only `---` after the last YAML field, before the Markdown text

## YAML errors (yaml)

yaml-tab-indent = line { $line } starts with a tab; YAML allows only spaces for indentation
yaml-tab-indent-help = replace the tab with spaces, as many as the lines above have
yaml-tab = line { $line } has a tab, which YAML does not allow here
yaml-tab-help = replace the tab with a space
yaml-tab-label = tab
yaml-unknown-field = unknown field `{ $field }`
yaml-unknown-field-label = not a field of this section
yaml-unknown-field-did-you-mean = did you mean `{ $name }`? (fields allowed here: { $fields })
yaml-unknown-field-help = fields allowed here: { $fields }
yaml-unknown-value = `{ $value }` is not an allowed value here
yaml-unknown-value-label = not allowed
yaml-unknown-value-did-you-mean = did you mean `{ $name }`? (allowed values: { $values })
yaml-unknown-value-help = allowed values: { $values }
yaml-missing-field = the required field `{ $field }` is missing
yaml-missing-field-in = the required field `{ $field }` is missing from `{ $parent }`
yaml-missing-field-label = `{ $field }` is missing from the section this line belongs to
yaml-missing-field-help = add `{ $field }:`; docs/content-model.md describes every field
yaml-missing-field-before-label = add `{ $field }:` before this line
yaml-missing-field-after-label = add `{ $field }:` after this line
yaml-missing-field-after-help = add `{ $line }` after `{ $after }`
yaml-missing-field-after-example-help = add `{ $field }:` after `{ $after }`, e.g. `{ $example }`
yaml-missing-field-after-plain-help = add `{ $field }:` after `{ $after }`; docs/content-model.md describes the field
yaml-not-a-number = this value must be a number
yaml-not-a-number-label = not a number
yaml-not-a-number-help = write numbers without spaces or units, with a point for decimals: 29272 or 8.3
yaml-duplicate-key = the field `{ $key }` is written twice
yaml-duplicate-key-label = written again here
yaml-duplicate-key-help = keep one `{ $key }:` and remove the other
yaml-not-text = this value must be text
yaml-not-text-label = expected text here
yaml-not-text-help = a value that starts with [ { "{" } * & ! | > or a quote is read as YAML syntax: put the whole text in double quotes
yaml-not-a-date = `{ $value }` is not a date inspira can read
yaml-date-month = `{ $value }` has month { $month }; months run from 01 to 12
yaml-date-day = `{ $value }` is not a real date: month { $month } of { $year } has { $days } days
yaml-date-label = invalid date
yaml-date-suggestion = write `{ $date }`: year-month-day, in digits
yaml-date-help = write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2015-12-31, `omkring 2015`, or `okänt`
yaml-other = the front matter cannot be read: { $problem }
yaml-other-help = check the indentation and that text containing `: ` or starting with a special character is quoted

## References (unknown-term, unknown-source, duplicate-source, unknown-case, self-reference, empty-dimension)

unknown-term = `{ $term }` is not a term in the { $vocabulary } vocabulary
unknown-term-label = unknown term
unknown-term-did-you-mean = did you mean `{ $name }`? (terms are listed in content/vocabulary/{ $file })
unknown-term-help = use a term id from content/vocabulary/{ $file }, or propose a new term there
unknown-source = there is no source with the id `{ $id }` in this case
unknown-source-label = not in `sources:`
unknown-source-help = add the document to `sources:` with this id, or use the id of a source listed there
duplicate-source = the source id `{ $id }` is used twice
duplicate-source-help = give each source its own id
unknown-case = there is no case `{ $slug }`
self-reference = a case cannot be related to itself
empty-dimension = `{ $field }` has no entries
empty-dimension-help = every case needs at least one entry here: it is what makes the case comparable
empty-dimension-steps-help = list at least one dated step of how the strategy was made

## Links (broken-link)

broken-link = the link points to `{ $target }`, which does not exist
broken-link-help = check the file name under { $folder }
broken-link-unknown-kind = `{ $target }` is not a link inspira understands
broken-link-unknown-kind-help = write @/cases/<slug>.md, @/pages/<slug>.md or @/vocabulary/<dimension>.yaml#<term>
broken-link-did-you-mean = did you mean `{ $link }`?

## File names and vocabularies (bad-slug, reserved-slug, duplicate-slug, walk, missing-vocabulary, bad-term-id, duplicate-term)

slug-empty = is empty
slug-path = contains a path separator or `..`
slug-capitals = contains capital letters
slug-spaces = contains spaces
slug-characters = contains characters other than a–z, 0–9 and -
slug-dash = starts or ends with -
bad-slug-file = the file name `{ $name }` { $problem }, so it cannot be a slug
bad-slug-file-help = rename the file to `{ $suggestion }.md` (file names become web addresses: a–z, 0–9 and -)
reserved-slug = `{ $slug }` is used by the site itself
reserved-slug-help = rename the page; these names are reserved: { $reserved }
duplicate-slug = two { $kind } have the slug `{ $slug }`
duplicate-slug-help = { $first } has the same file name; rename one of them
walk-loop = a symbolic link here points back into one of its own parent folders
walk-unreadable = could not read this part of the content folder: { $error }
walk-help = remove the link or make it point outside content/
missing-vocabulary = the vocabulary file for { $vocabulary } is missing
missing-vocabulary-help = create { $file } with a `title:` and a list of `terms:`
bad-term-id = the term id `{ $id }` { $problem }
bad-term-id-help = term ids use only a–z, 0–9 and -, e.g. `arbete-och-forsorjning`
duplicate-term = the term `{ $id }` is defined twice
duplicate-term-help = every term id must be unique within its vocabulary; rename or merge the two

## Warnings about cases

missing-optional = the case has no `{ $field }`
missing-facts-help = key facts (population, unemployment) let readers compare the settings
missing-quotes-help = short attributed quotes are what readers remember
fact-without-date = the figure has no `date` ({ $label })
fact-without-date-help = add the date the figure refers to, e.g. `date: 2015-12-31`
fact-without-source = the figure has no `source` ({ $label })
fact-without-source-help = add `source:` with the id of the document it comes from
step-without-source = the process step has no `source`
step-without-source-help = add `source:` with the id of the document that describes the step
short-description = the description has { $words } words
short-description-help = tell the case in your own words below the front matter, at least { $minimum } words, under headings such as ## Bakgrund
quote-without-source = the quote has no `source`
quote-without-source-help = add `source:` with the id of the document the quote comes from
vision-without-source = the vision has no `source`
vision-without-source-help = add `source:` under `vision:` with the id of the document it is quoted from
steps-out-of-order = this step ({ $date }) comes before the one above it ({ $previous })
steps-out-of-order-help = list the process steps in time order
status-unchecked = the document's `status` has no `status_checked`
status-unchecked-help = add `status_checked:` with the date the status was true, e.g. the year of the source that says so
quote-attribution-neither = the quote says neither who speaks (`speaker:`) nor which publication it is from (`narration:`)
quote-attribution-both = the quote has both `speaker:` and `narration:`
quote-attribution-help = write `speaker:` with the role of the person who says it, or, when the source does not name the speaker, `narration:` with the publication it is from, e.g. `narration: ur KSL:s intervju med Botkyrka kommun`
cases-not-needed = a publication's `cases:` list is no longer needed
cases-not-needed-help = remove `cases:`: the page lists every case whose `sources:` cite the publication (same title and year)
unused-term = no case uses the term `{ $id }`
unused-term-help = map a case onto it, or remove it if no case needs it

## Values never shown (not-shown)

not-shown-label = not shown
not-shown-status-checked = `document.status_checked` is not shown: the document has no `status`
not-shown-status-checked-help = add `status:` (gällande, under arbete, under revidering, ersatt or avslutad), or remove `status_checked`
not-shown-valid-until = `document.valid_until` is not used: without `status_checked` or `updated` there is no telling whether the validity has ended
not-shown-valid-until-help = add `status_checked:` with the date the status was true, e.g. the source's year; the document is then shown as ended once its validity has passed. Or write the validity period in `valid:`
not-shown-document-url = `document.url` is not shown as a link: `{ $url }` does not start with https:// or http://
not-shown-source-url = the source's `url` is not shown as a link: `{ $url }` does not start with https:// or http://
not-shown-url-help = write the whole address, starting with https://, e.g. { $example }
not-shown-url-own-site-help = `url` is an address on another site; link to the site's own pages in the text, with @/
not-shown-publication-url = `publication.url` is not shown on the site
not-shown-publication-url-help = link to the publication in the page's text instead, e.g. [Läs rapporten](https://…)

## Links from the site's root (root-relative-link)

root-relative-link = the link `{ $target }` starts at the site's root and breaks when the site is published under a path
root-relative-link-label = link to the file with @/
root-relative-link-help = write `{ $link }` instead: inspira turns it into the right address and checks that the target exists
root-relative-link-other-help = link to the file with @/ (@/cases/<slug>.md, @/pages/<slug>.md, @/vocabulary/<dimension>.yaml#<term>); to other sites with the whole address, starting with https://

## Files given to inspira check (not-content)

not-content-root = the site folder { $root } cannot be read: { $error }
not-content-root-help = name the folder with inspira.toml with --root
not-content-folder = `{ $path }` is a folder, not a file
not-content-folder-help = name the files, e.g. content/cases/*.md, or run inspira check without files to check the whole site
not-content-file = `{ $path }` is not a content file
not-content-what = inspira check checks cases (content/cases/<slug>.md), pages (content/pages/<slug>.md) and vocabularies (content/vocabulary/<dimension>.yaml)
not-content-outside = `{ $path }` is outside the site in { $root }
not-content-outside-help = name a file under content/ in the site's folder, or choose the site with --root
not-content-missing = `{ $path }` does not exist
not-content-missing-help = { not-content-what }; the path may be relative to this folder or to --root

## New cases (inspira new case) and writing files

new-case-bad-name = `{ $name }` cannot be made into a file name
new-case-bad-name-help = write the place's name, e.g. "Upplands Väsby", or a slug of only a–z, 0–9 and -, e.g. upplands-vasby
new-case-exists = the case already exists
new-case-exists-help = open the existing file and improve it instead, or choose another name
new-case-no-vocabulary = the vocabularies cannot be read
folder-not-created = the folder { $folder } cannot be created: { $error }
file-not-written = the file cannot be written: { $error }
no-cases = there are no cases in content/cases
no-cases-help = add one with `inspira new case <name>`
new-case-created = Created { $path }
new-case-named = The case's slug is `{ $slug }`; its title and place are filled in with { $name }. Change them if the case is known by another name.
new-case-next = Next: fill in the fields the comments in the file describe, and check the file with `inspira check { $path }`: it lists everything that is left.
schema-wrote = Wrote { $path }
serve-failed = could not serve the site: { $error }
serve-port-in-use-help = another program uses port { $port }; pass --port with another number

## The theme and the interface texts (i18n, template, config)

i18n-invalid = the string table is not valid: { $problem }
i18n-invalid-help = every line must be `key = "text"`
i18n-no-language = there are no interface texts for the language `{ $language }`
i18n-no-language-help = use `ui_language = "sv"` or `"en"`, or add { $file } with every key of the theme's sv.toml
i18n-missing = { $count } { $count ->
        [one] text is missing
       *[other] texts are missing
    }: { $keys }
i18n-missing-help = copy the missing keys from the theme's i18n/sv.toml and translate them
i18n-not-utf8 = the string table is not valid UTF-8 text
template-not-utf8 = the template is not valid UTF-8 text
logo-missing = the logo `{ $logo }` is not in static/
logo-missing-help = put the file at static/{ $logo }, or correct `logo` under [theme]
folder-unreadable = could not read { $folder }/: { $error }

## The build (output, io, export, search-index)

output-contains-site = the output folder { $folder } contains the site itself; choose a folder inside it, such as public/
output-protected = the output folder cannot be { $folder }/, which holds the site's own files
output-help = pass another folder with --output
site-not-written = could not write the site to { $folder }: { $error }
path-not-written = could not write { $path }: { $error }
site-not-written-help = check that the folder is writable and the disk is not full; the previous site was left as it was
template-failed = template `{ $template }` failed: { $error }
template-failed-help = if you override this template in templates/, compare it with the default theme's version
stale-not-removed = could not remove { $file }, which is no longer part of the site: { $error }
output-writable-help = check that the output folder is writable
serve-serving = Serving { $folder } at { $url } (Ctrl+C to stop)
serve-watch-failed = warning: could not watch for changes; restart `inspira serve` after editing
serve-updated = Updated { $cases } ({ $pages } { $pages ->
        [one] page
       *[other] pages
    }{ $removed ->
        [0] {""}
       *[other] , { $removed } removed
    }) in { $ms } ms
export-failed = could not write { $file }: { $error }
search-index-failed = could not build the search index: { $error }
search-index-failed-help = this is a bug in inspira; the pages themselves rendered fine

## More YAML errors (yaml)

yaml-colon-in-text = the text on line { $line } contains `: `, which YAML reads as the start of a new field
yaml-colon-in-text-label = here
yaml-colon-in-text-help = put the whole text in double quotes, or write it as a block with `>-` on the line above
yaml-dash-without-space = line { $line } has no space after `-`
yaml-dash-without-space-label = a space after this dash
yaml-dash-without-space-help = write `{ $fixed }`: a new entry of a list starts with `- `
yaml-list-indent = line { $line } is not indented like the other entries of the list
yaml-list-indent-help = indent the line like the entries above, and start each new entry with `- `
yaml-unclosed-quote = the quote on line { $line } is never closed
yaml-unclosed-quote-label = the text starts here
yaml-unclosed-quote-help = end the text with a quote (") on the same line, or remove the quote
yaml-joined-lines = line { $line } is indented more than the line above, so YAML reads `{ $key }` as part of the value above
yaml-joined-lines-label = too many spaces
yaml-joined-lines-help = give `{ $key }:` the same indentation as line { $above } ({ $spaces } spaces)
yaml-number-suggestion = write `{ $number }`: numbers are written without spaces, with a point for decimals
yaml-derived-date-note = a derived date needs a `note` saying how it follows from the source
yaml-date-derived-and-approximate = a date is either `derived` or `approximate`, not both
yaml-date-form = the date needs `derived:` or `approximate:` followed by the date
yaml-date-form-help = write e.g. `{ "{" }derived: "2009", note: "two years before adoption"{ "}" }` or `{ "{" }approximate: "2015", note: "i början av 2015"{ "}" }`; docs/content-model.md describes the dates
yaml-vision-form = write the vision under `text:` (with `source:`), or `okänt` when the source states none
yaml-vision-form-help = write `vision:` and, indented on the lines below, `text: …` and `source: …`

## Progress of the build (on a terminal)

progress-reading = Reading and checking the content
progress-preparing = Preparing the views
progress-rendering = Rendering the pages
progress-search-index = Finishing the search index
progress-files-written = files written
