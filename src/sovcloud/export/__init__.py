"""Exports: the catalogue in the formats other tools read.

`tables` turns records into relational rows (shared by `database`, SQLite with full-text
search, and `tables.write_csv`, one CSV file per table); `document` is the whole catalogue as
one JSON document; `ical` and `atom` turn a timeline into an iCalendar file and an Atom feed.
Each returns bytes or writes through `sovcloud.atomic`, never to a half-written file.
"""
