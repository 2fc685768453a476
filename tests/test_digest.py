import hashlib

from census_core.digest import sha256_of


def test_a_files_fingerprint_is_its_sha256():
    assert sha256_of(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert (
        sha256_of(b"kode,jumlah\n35.09,36464\n")
        == hashlib.sha256(b"kode,jumlah\n35.09,36464\n").hexdigest()
    )
