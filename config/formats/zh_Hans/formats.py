# Replaces Django's zh_Hans input formats, whose "%Y年%n月%j日" is not a valid strptime pattern.
DATE_FORMAT = "Y年n月j日"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "n月j日"
YEAR_MONTH_FORMAT = "Y年n月"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2021-07-31
    "%Y/%m/%d",  # 2021/07/31
    "%Y.%m.%d",  # 2021.07.31
    "%Y年%m月%d日",  # 2021年7月31日 (strptime accepts unpadded numbers)
    "%Y%m%d",  # 20210731
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y年%m月%d日 %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
