"""Password rules in Chinese: Django's Chinese catalog lacks the wording of the minimum length it now uses."""

from django.contrib.auth import password_validation

PASSWORD_TOO_SHORT = "密码太短，至少需要{min_length}个字符。"
PASSWORD_LENGTH_HELP = "你的密码必须包含至少 {min_length} 个字符。"


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length, with its message in Chinese (create_user and the admin show it)."""

    def get_error_message(self):
        return PASSWORD_TOO_SHORT.format(min_length=self.min_length)

    def get_help_text(self):
        return PASSWORD_LENGTH_HELP.format(min_length=self.min_length)
