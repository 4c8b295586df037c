"""The floor of a first data frame: a bare Textual app painting a DataTable with a Header and a
Footer, run as a script (``python tests/bench/bare_table.py``) so that it imports nothing else."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

ACTORS = ("Donald Trump", "Kim Jong Un", "Kim Yo Jong", "Lee Jae-myung", "Xi Jinping")


class BareTable(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("issue", *ACTORS)
        for row in range(8):
            table.add_row(
                f"issue {row}", "▲ for +1", "▼ against -1", "· neutral 0", "— absent", "▲ for +1"
            )


if __name__ == "__main__":
    BareTable().run()
