"""The parts several views draw: the detail of one stance, the detail pane of a figure, actors'
short tags, the words of an issue's scale, and the notice shown in place of missing data.

A part used by one view stays in that view's folder; once a second view needs it, it moves here.
"""
