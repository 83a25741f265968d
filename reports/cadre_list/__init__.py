"""The cadre list (干部名册, /cadres/): every cadre a user may see, filtered in the query string, as a page,
JSON, an Excel export and a zip of .lrmx files. Not to be confused with the 花名册 import
(cadres/roster_import/) or the statistics' list of the counted people (reports.stats.counted_cadres).

filters (the filters, declared once for all four), table (the page's table), export (the workbook and zip).
"""
