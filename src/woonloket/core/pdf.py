"""PDF documents: HTML templates rendered by WeasyPrint, served inline."""

from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict) -> bytes:
    """The template as PDF (the template carries its own CSS; no external files)."""
    from weasyprint import HTML

    return HTML(string=render_to_string(template, context)).write_pdf()


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
