"""What the staffing views share: the status of a page whose form has errors, and JSON answers."""

from django.http import JsonResponse

PARAMS_INVALID = "参数有误"


def posted(request):
    """Return the data of a POST (even an empty one: a form sent with nothing ticked is still sent), else None."""
    return request.POST if request.method == "POST" else None


def status_of(form):
    """Return 400 for a bound form with errors, else 200."""
    return 400 if form.is_bound and form.errors else 200


def json_answer(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def json_error(form):
    """Return the 400 answer naming each error as "label：message"."""
    messages = [
        f"{form.fields[name].label}：{message}" if name in form.fields else message
        for name, errors in form.errors.items()
        for message in errors
    ]
    return json_answer({"error": PARAMS_INVALID, "messages": messages}, status=400)


def add_errors(form, error):
    """Put a service's refusal on the form: on its field when it names one the form has, else on the whole."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
