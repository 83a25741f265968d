"""What the project refuses before any view runs, and how an error answers a JSON request.

Control characters (NUL and the others openpyxl cannot write, TRAPS.md) have no place in any text a person
types; PostgreSQL rejects NUL in a query, which made `?name=%00` a server error in every admin filter and
search. They are refused here once, for every parameter of the query string and of a form, keys included.
"""

import re

from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_REFUSED = "请求的参数中含有不可见的控制字符（如 NUL），已拒绝；请删除这些字符后重试"
# The words of an error answered as JSON, by status (the pages answer with templates/<status>.html).
JSON_ERRORS = {400: "请求有误", 403: "无权访问", 404: "页面不存在", 500: "服务器内部错误"}


def wants_json(request):
    """Return whether `request` asks for JSON: a .json address, or JSON alone in Accept."""
    return request.path.endswith(".json") or request.headers.get("Accept", "").startswith("application/json")


def error_response(request, status, messages=()):
    """Return the error `status` as JSON ({"error", "messages"}) for a JSON request, else as its page."""
    if wants_json(request):
        body = {"error": JSON_ERRORS[status], "messages": list(messages)}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, f"{status}.html", {"messages_list": list(messages)}, status=status)


def has_control_characters(query_dict):
    return any(
        CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(value) for value in values)
        for key, values in query_dict.lists()
    )


class ControlCharacterMiddleware:
    """Refuse with a Chinese 400 a request whose query string or form holds a control character."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
        if has_control_characters(request.GET) or (posted and has_control_characters(request.POST)):
            return error_response(request, 400, [CONTROL_REFUSED])
        return self.get_response(request)


# Django's error views, answering JSON requests in JSON (config/urls.py names them).


def bad_request(request, exception):
    if wants_json(request):
        return error_response(request, 400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if wants_json(request):
        return error_response(request, 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if wants_json(request):
        return error_response(request, 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if wants_json(request):
        body = {"error": JSON_ERRORS[500], "messages": []}
        return JsonResponse(body, status=500, json_dumps_params={"ensure_ascii": False})
    return defaults.server_error(request)
