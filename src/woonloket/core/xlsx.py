"""Spreadsheet rows for the exports (openpyxl)."""


def append_row(sheet, values) -> None:
    """Append a row of data. Text that starts like a formula ("=HYPERLINK(...)",
    from an uploaded file or a form) stays text: the exports never hold formulas,
    so no value from a user runs when a colleague opens the file."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"
