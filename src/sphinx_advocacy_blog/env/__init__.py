"""The read phase and what Sphinx's environment keeps between builds.

Which files are posts and under which names (:mod:`.discovery`), reading a post
(:mod:`.reading`, :mod:`.post_structure`, :mod:`.sanitize`), the records kept per document
(:mod:`.records`, :mod:`.collector`, :mod:`.noindex`), the site data of a build
(:mod:`.site_data`), per-build derived state (:mod:`.build_state`, :mod:`.git_dates`,
:mod:`.output_state`, :mod:`.memory`) and the placeholder nodes the write phase fills
(:mod:`.nodes`).
May import :mod:`..readers`, :mod:`..i18n`, :mod:`..model`, :mod:`..config`, :mod:`..util`.
"""
