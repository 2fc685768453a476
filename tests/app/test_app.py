def test_app_starts_on_the_ranking_with_the_demo(app):
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Pantau Sensus — Jember"
    table = at.dataframe[0].value
    assert list(table["Wilayah"][:1]) == ["Kabupaten Jember"]
    assert table["KK"][0] == "36.464"
    assert any("Data simulasi" in c.value for c in at.caption)
