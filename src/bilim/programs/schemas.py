from ninja import Schema


class ProgramOut(Schema):
    code: str
    title: str
    summary: str
    direction: str
    activity_type: str
    session_count: int
    hours: float
    languages: list[str]
