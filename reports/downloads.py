"""Downloads built before they are sent: in a temporary file, so memory stays bounded however large.

The file stays in memory while small and moves to disk beyond SPOOL_MAX_SIZE; FileResponse then
sends it block by block and closes (and so deletes) it when the response is done.
"""

import tempfile

from django.http import FileResponse

SPOOL_MAX_SIZE = 1024 * 1024


def spooled_file():
    """Return an empty binary temporary file: in memory up to SPOOL_MAX_SIZE bytes, on disk beyond."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_SIZE)


def file_response(file, filename, content_type):
    """Return an attachment of binary `file` from its start; Django writes `filename` per RFC 5987 (TRAPS.md)."""
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
