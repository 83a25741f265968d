"""The .lrmx files of the national 干部任免审批表 editor (LRMX.md): writing, reading, importing."""
