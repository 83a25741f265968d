"""Django's database sessions, touched on every request (SESSION_SAVE_EVERY_REQUEST) with one statement.

Django saves an existing session inside a transaction (BEGIN, UPDATE, COMMIT: three queries on every
page). A single UPDATE is atomic by itself, so this store sends only that; a new session, or one that
must be created, is saved by Django as before. As in Django, an UPDATE that finds no row (the session
was deleted meanwhile, e.g. by a logout elsewhere) raises UpdateError.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import router


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        session = self.create_model_instance(self._get_session(no_load=False))
        using = router.db_for_write(self.model, instance=session)
        updated = (
            self.model.objects.using(using)
            .filter(session_key=session.session_key)
            .update(session_data=session.session_data, expire_date=session.expire_date)
        )
        if not updated:
            raise UpdateError
