"""The organization department's own staffing (section 三 of the article: 向上一对多，工作人手不对等).

Sections and the upper-level offices each answers to, who holds the A and B posts on any day, leave and
who covers it, and young cadres rotated into the department as secondments (cadres.Secondment).
"""
