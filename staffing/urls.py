from django.urls import path

from .views import board, leaves, pairings, rotation

urlpatterns = [
    path("staffing/", board.board_page, name="staffing_board"),
    path("staffing.json", board.board_json, name="staffing_board_json"),
    path("staffing/cover/", board.cover_page, name="staffing_cover"),
    path("staffing/cover.json", board.cover_json, name="staffing_cover_json"),
    path("staffing/leaves/", leaves.leave_list, name="leave_list"),
    path("staffing/leaves/new/", leaves.leave_new, name="leave_new"),
    path("staffing/leaves/<int:pk>/approve/", leaves.leave_approve, name="leave_approve"),
    path("staffing/leaves/<int:pk>/return/", leaves.leave_return, name="leave_return"),
    path("staffing/sections/<int:pk>/pairing/", pairings.pairing_change, name="pairing_change"),
    path("staffing/review/", pairings.review_publish, name="review_publish"),
    path("staffing/rotation/", rotation.rotation_planner, name="rotation_planner"),
]
