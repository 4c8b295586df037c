"""Draft evidence from an article: the quotes in it, who said each, and reported positions.

`extract` reads an article once (`reading`), with a model of who it has introduced
(`tui.core.discourse`); `text` finds its paragraphs, quotations and sentences, `attribution`
where each quotation's speaker is named, `clauses` whose words a quote with no verb of saying
beside it is (a term, a question, an opening clause), `dating` when it was said, `vocabulary`
the words it reads by, and `results` what it returns.
"""

from tui.core.extract.reading import extract
from tui.core.extract.results import Extraction, Finding, Speaker
from tui.core.mentions import form_key

__all__ = ["Extraction", "Finding", "Speaker", "extract", "form_key"]
