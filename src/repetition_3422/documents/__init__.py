"""Printed documents: the aide-mémoire, practice cards and debrief reports (PDF, HTML, Markdown)."""
