"""The dashboard's widgets: one folder per view, and `shared/` for the parts several views draw."""
