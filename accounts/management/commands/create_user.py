"""Create or update a staff account with its role and units, for an intranet without e-mail."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ...roles import ROLES, SCOPED_ROLES
from ...services import account_save
from ...units import account_units

UNIT_UNKNOWN = "单位“{unit}”不存在"
UNIT_REQUIRED = "角色“{role}”只能查看本单位干部，请用 --unit 指定至少一个单位"
PASSWORD_ENV_EMPTY = "环境变量 {name} 未设置或为空"
PASSWORD_MISMATCH = "两次输入的密码不一致"
PASSWORD_NEEDS_TERMINAL = "没有可交互的终端：请用 --password-env 指定存放密码的环境变量"
DONE = "{action}账号 {username}：角色 {role}{units}"


class Command(BaseCommand):
    help = "创建或更新工作人员账号并设置角色和所属单位。角色：" + "、".join(ROLES)

    def add_arguments(self, parser):
        parser.add_argument("username", help="登录用户名")
        parser.add_argument("--role", required=True, choices=ROLES, help="角色（中文名称）")
        parser.add_argument(
            "--unit", action="append", default=[], help="所属单位名称或编号，可重复；单位信息员和只读账号必填"
        )
        parser.add_argument("--name", default=None, help="姓名（显示用）")
        parser.add_argument("--password-env", default=None, help="从该环境变量读取密码；不指定则在终端输入")

    def handle(self, *args, username, role, unit, name, password_env, **options):
        units = [find_unit(value) for value in unit]
        if role in SCOPED_ROLES and not units:
            raise CommandError(UNIT_REQUIRED.format(role=role))
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = read_password(password_env, user or User(username=username))
        user, created = account_save(username=username, role=role, units=units, password=password, name=name)
        self.stdout.write(
            DONE.format(
                action="已创建" if created else "已更新",
                username=username,
                role=role,
                units=f"，单位 {'、'.join(str(u) for u in units)}" if units else "",
            )
        )


def find_unit(value):
    """Return the unit named `value` (or with that id)."""
    unit = account_units().find(value.strip())
    if unit is None:
        raise CommandError(UNIT_UNKNOWN.format(unit=value))
    return unit


def read_password(env_name, user):
    """Return a password from the environment variable or the terminal, checked by the validators."""
    if env_name:
        password = os.environ.get(env_name, "")
        if not password:
            raise CommandError(PASSWORD_ENV_EMPTY.format(name=env_name))
    else:
        try:
            password = getpass.getpass("密码：")
            if password != getpass.getpass("再次输入密码："):
                raise CommandError(PASSWORD_MISMATCH)
        except EOFError:
            raise CommandError(PASSWORD_NEEDS_TERMINAL) from None
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError("密码不符合要求：" + "；".join(error.messages)) from None
    return password
