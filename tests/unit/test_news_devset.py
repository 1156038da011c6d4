"""Scores the labelled sets: the shared dev set (../shared/data) and our corpus, all rows.

Floors sit just below today's figures, so any regression fails. Every row of the corpus is
development data: the first set's old held-out split and the later held-out sets heldout2 to
heldout28 have all been read. Generalisation is shown by five folds grouped by outlet over the
development rows; a newer held-out set collected by others is scored by the lead, never here.
"""

from __future__ import annotations

import pytest

from tests.devset import (
    CORPUS_DIR,
    DEFAULT_DIR,
    FOLDS,
    DevScore,
    grouped_folds,
    load,
    load_development,
    outlet_fold,
    score,
    score_dev_set,
)


def _show(name: str, result: DevScore) -> None:
    print(f"\n{name}: {result.summary()}")
    print("\n".join(result.wrong))


@pytest.mark.skipif(not DEFAULT_DIR.is_dir(), reason="the shared dev set is not beside this clone")
def test_shared_dev_set() -> None:
    result = score_dev_set(DEFAULT_DIR)
    _show("shared dev set", result)
    assert result.rows >= 83
    assert result.precision == 1.0, result.wrong
    assert result.recall == 1.0, result.wrong
    assert result.kind_accuracy == 1.0, result.wrong


corpus_present = pytest.mark.skipif(
    not CORPUS_DIR.is_dir(), reason="the labelled corpus has not been merged yet"
)


@corpus_present
def test_corpus_all_rows() -> None:
    """The first corpus, both of its former splits: development data."""
    result = score(load(CORPUS_DIR))
    _show("corpus, all rows", result)
    assert result.rows >= 507
    assert result.precision >= 0.992, result.wrong
    # 0.967 before an item had to speak of television for a rare title to count alone: a
    # cinema film's comeback headline no longer names the series (screen_talk.py).
    assert result.recall >= 0.965, result.wrong
    assert result.kind_accuracy >= 0.941, result.wrong


@corpus_present
def test_heldout2_now_development() -> None:
    """224 headlines from outlets not in the first corpus. Scored once as a held-out set
    (kind accuracy 0.755, recall 0.924); its errors have been read since, so it is
    development data now, and a newer held-out set collected by others is scored by the lead."""
    result = score(load(CORPUS_DIR, part="heldout2"))
    _show("heldout2 (development)", result)
    assert result.rows >= 224
    assert result.precision >= 0.999, result.wrong
    assert result.recall >= 0.958, result.wrong
    assert result.kind_accuracy >= 0.913, result.wrong


@corpus_present
def test_corpus_grouped_folds() -> None:
    """Five folds over all development rows (the first corpus, heldout2 to heldout28 and the
    trap set), grouped by outlet: every row in exactly one fold, one outlet
    never split, and no fold far below the whole (a rule that only fits some outlets shows
    here)."""
    labelled = load_development(CORPUS_DIR)
    folds = grouped_folds(labelled)
    for number, result in enumerate(folds):
        print(f"\nfold {number}: {result.summary()}")
    whole = score(labelled)
    assert whole.rows >= 6115
    assert sum(result.rows for result in folds) == whole.rows
    assert sum(result.tp for result in folds) == whole.tp
    assert sum(result.kinds_right for result in folds) == whole.kinds_right
    outlets = [
        {
            row.get("outlet")
            for part in labelled
            for row in part.rows
            if outlet_fold(row.get("outlet") or "") == n
        }
        for n in range(FOLDS)
    ]
    assert all(outlets)
    assert all(not a & b for i, a in enumerate(outlets) for b in outlets[i + 1 :])
    assert all(0.15 * whole.rows <= result.rows <= 0.3 * whole.rows for result in folds)
    # heldout11 joined at 2,716 rows (its recall 0.869, German 0.812) and heldout12 at 2,927
    # (its precision 0.946): the floors below fell with them, by the rows they brought, not
    # by a rule. Round 13 (recall): 0.938 → 0.945 on the weakest fold, 0.946 → 0.954 on the
    # whole, no new false positive (a show noun, a teaser clause's subject, a subtitle after a
    # dash, a hyphenated genre).
    # Round 16 (precision): 0.967 → 0.967 on the weakest fold (fold 3), 0.972 → 0.976 on the
    # whole, no hit lost (a one-word title in a person's full name in German text).
    # heldout15 joined at 3,483 rows (its recall 0.889): precision, recall and kind floors
    # below fell with its rows.
    # Round 17 (recall): 0.944 → 0.952 on the weakest fold (fold 0), 0.951 → 0.958 on the
    # whole, no new false positive ("Mrs." ends no sentence, „Bachelor“ quoted, a headline's
    # title the teaser calls "the soap").
    # heldout18 joined at 3,992 rows (its precision 0.974, but 0.956 in English): fold 3
    # fell from 0.966 to 0.963.
    # heldout19 (its precision 0.920, its traps a tar pit, a golf club, a ski resort) joined
    # at 4,185 rows: fold 3 fell from 0.963 to 0.958.
    # heldout21 (its precision 0.952) joined at 4,563 rows: fold 3 at 0.956. Rounds 23 and 25
    # (matching precision: a film's year or rating in brackets, a writer's noun, a loanword
    # used as a German noun; a headline that is only the title needs television in the item,
    # songs called a track or a recording): fold 3 at 0.962 with heldout24. Round 27 (a
    # host's noun or clause naming the person, a title that is a word of series news, a book
    # cited "by" its author): 0.963 on fold 3, 0.963 with heldout25 and with heldout26. Round
    # 31 (a title in a place's name or address, an English title as the given name of one who
    # owns or is credited): 0.968, 0.965 with heldout27 (its precision 0.930). Round 33 (an
    # item silent on television names the place, film, song, firm or team; "GoT" is no "Got";
    # a one-word title after German "in" or as a part played): 0.978, 0.977 with heldout28
    # (0.965), 0.976 once a title beside a series word or before a headline's colon counts
    # there too ("Ted Lasso season 4" in an item about football; two false positives back: a
    # "Saw reboot" and a "thrilling drama" of films).
    assert min(result.precision for result in folds) >= 0.976
    # heldout16 joined at 3,658 rows (its kinds 0.715): the recall and kind floors below fell
    # with its rows; heldout17 at 3,813 (its recall 0.885): the recall floor fell to fold 1's
    # 0.938. Round 19 (recall): 0.938 → 0.949 on the weakest fold, 0.954 → 0.958 on the
    # whole, the same false positives (titles listed together, a soap named, a two-word owner,
    # a show named after its host, a quoted title without its article); 0.948 with heldout18,
    # 0.946 with heldout25 (its recall 0.907); 0.948 after round 28 (a quoted title before an
    # episode's title, a title after "that"/"dass", a "-krimis" plural), 0.944 with heldout26
    # (0.898), 0.945 with heldout27 (0.936), 0.944 with heldout28 (0.884).
    assert min(result.recall for result in folds) >= 0.944
    # Kinds on the weakest fold: 0.812 → 0.815 in round 14, 0.8147 with heldout13, 0.822 after
    # round 15, 0.8218 with heldout14.
    # 0.806 with heldout17, 0.804 with heldout18 (0.782 of its kinds).
    # 0.801 with heldout20 (0.783 of its kinds); 0.804 after round 22, 0.808 with heldout21,
    # 0.802 with heldout22 (0.787), 0.809 after round 24 and with heldout23 (0.806), 0.802
    # with heldout24 (0.730); 0.802 after round 26, 0.799 with heldout25 (0.694), 0.803 after
    # round 29, 0.802 with heldout26 (0.803), 0.803 after round 30 and 0.804 with heldout27
    # (0.828).
    # Rounds 32 (English starts: "is out", arriving on a channel, tonight, a release with its
    # day) and 34 (German: a dated release, "lässt auslaufen", "keine weiteren Folgen geplant",
    # a season's end, a weekly slot alone): 0.806, then 0.816; 0.814 with heldout28 (0.787).
    assert min(result.kind_accuracy for result in folds) >= 0.814
    # Precision 0.971 and recall 0.950 before screen_talk.py (3 hits lost, 18 false ones gone);
    # 0.975 since heldout13 joined (its precision 0.933), 0.970 with heldout14 (0.894), 0.972
    # with a title among singles, albums and charts read as the song, 0.976 with a German
    # one-word title in a person's full name read as the person, 0.977 with a title in an
    # item about books that speaks of no screen read as the book, 0.978 with one about games.
    # heldout17 (its precision 0.963, recall 0.885) joined at 3,813 rows: 0.9770 and 0.954;
    # heldout19 (0.920) at 4,185: 0.974; 0.976 after round 21, 0.975 with heldout21 (0.952),
    # 0.9740 with heldout23 (0.941), 0.977 after round 25, 0.976 with heldout24 (0.939);
    # 0.978 after round 27, 0.9779 with heldout25 (0.974), 0.9782 with heldout26 (0.986),
    # 0.981 after round 31, 0.9788 with heldout27 (0.930); 0.986 after round 33, 0.985 with
    # heldout28 (0.965).
    assert whole.precision >= 0.985
    # Recall 0.958 after round 19 and with heldout18 (its recall 0.949), 0.957 with heldout19
    # (0.938), 0.956 with heldout22 (0.935), 0.954 with heldout25 (0.907), 0.956 after round
    # 28, 0.954 with heldout26 (0.898), 0.953 with heldout27 (0.936), 0.951 with heldout28
    # (0.884).
    assert whole.recall >= 0.951
    # Kinds: 0.869 before heldout10 joined (0.792 of its kinds), 0.862 after; 0.870 after round
    # 11, 0.874 after round 12 (a cancellation undone or told as the background of a comeback
    # is a rescue; a German show said to be back is a start); 0.869 with heldout11, 0.865 with
    # heldout12; 0.872 after round 14 (a season said not to exist, "call time on", saved from
    # a cancellation, a holiday's date, the last film filmed, "geht weiter" dated by its teaser);
    # 0.862 with heldout13 (0.714 of its kinds); 0.870 after round 15 (a start shown on a date,
    # a listed weekday with its date, back on the screen or with new episodes, out on a
    # streamer, a "Startschuss"; a show said to come back with nothing dated is renewed);
    # 0.864 with heldout14 (0.750 of its kinds); 0.859 after round 18 (a start dated in the
    # past by its year is history; "an den Start gehen" with a date; a numbered season
    # announced); 0.852 with heldout17 (0.718 of its kinds).
    # 0.849 with heldout18 (0.782 of its kinds); 0.853 after round 20 (a German "nicht"
    # before the season it refuses, a numbered round, "commissioned", a return for a season
    # tonight or this month, Anfang/Mitte/Ende of a month); 0.849 with heldout19 (0.762).
    # Round 21 (matching precision: a capitalised title written in lower case, readings and
    # libraries, a weekday after a season word) moved precision 0.974 -> 0.976; 0.846 kinds
    # with heldout20; 0.851 after round 22 (a weekday with its date, a season confirmed to
    # start, a season's release date, "wird es nicht mehr geben", a run counted in seasons
    # ending, a show coming in a month), 0.852 with heldout21 (0.866 of its kinds), 0.849 with
    # heldout22 (0.787); 0.851 after round 24, 0.849 with heldout23 (0.806), 0.845 with
    # heldout24 (0.730); 0.846 after round 26 (a run counted in seasons in the teaser, the
    # German noun "das Aus"), 0.840 with heldout25 (0.694); 0.842 after round 29 (a show back
    # after years away is revived, a host's farewell is no end), 0.841 with heldout26 (0.803);
    # 0.844 after round 30 (an English headline's show "is back", jubilees, "for Best Drama
    # Series", "the hit Netflix series"), 0.844 with heldout27 (0.828); 0.847 after round 32,
    # 0.854 after round 34, 0.852 with heldout28 (0.787).
    assert whole.kind_accuracy >= 0.852


@corpus_present
def test_trap_set() -> None:
    """Real headlines where everyday-word titles (Paradise, Friends, Warrior, Dark, You, …)
    stand as plain words or inside other titles (Friends from College, Warrior Nun, Dark
    Matter), a third to a half of them true mentions, with their own catalogue and world."""
    result = score(load(CORPUS_DIR, part="traps"))
    _show("trap set", result)
    assert result.rows >= 119
    assert result.precision >= 0.999, result.wrong  # 0.982 before round 33 (a film alone)
    assert result.recall >= 0.868, result.wrong
    assert result.kind_accuracy >= 0.966, result.wrong


@corpus_present
def test_heldout3_now_development() -> None:
    """201 headlines (heldout3) from outlets almost all new to the corpus, collected and
    labelled by a helper who never ran the matcher. Scored once as a held-out set (precision
    0.969, recall 0.906, kind accuracy 0.806); its errors have been read since, so it is
    development data now, and a newer held-out set collected by others is scored by the lead."""
    result = score(load(CORPUS_DIR, part="heldout3"))
    _show("heldout3 (development)", result)
    assert result.rows >= 201
    assert result.precision >= 0.987, result.wrong
    assert result.recall >= 0.947, result.wrong
    assert result.kind_accuracy >= 0.915, result.wrong


@corpus_present
def test_heldout4_now_development() -> None:
    """235 headlines (heldout4) from 192 outlets, 95 new to the corpus, collected and labelled
    by a helper who never ran the matcher. Scored as a held-out set on the rules before the
    last tuning (precision 0.958, recall 0.925, kind accuracy 0.810) and after it (0.958,
    0.925, 0.815); its errors have been read since, so it is development data now (0.979,
    0.960, 0.894 after rules written with it in view), and a newer held-out set collected by
    others is scored by the lead."""
    result = score(load(CORPUS_DIR, part="heldout4"))
    _show("heldout4 (development)", result)
    assert result.rows >= 235
    assert result.precision >= 0.979, result.wrong
    assert result.recall >= 0.974, result.wrong
    assert result.kind_accuracy >= 0.909, result.wrong


# Fresh sets scored once as held out, each collected and labelled by a helper who never ran
# the matcher while another tuned the rules on development data only; each scored with the rules
# before that round and after it (SOURCES_heldoutN.md). The floors are that held-out result.
SCORED_ONCE = [
    # heldout5: 259 headlines, 172 outlets (75 new): before 0.957 / 0.882 / 0.787, after
    # 0.962 / 0.882 / 0.787.
    ("heldout5", 259, 0.961, 0.881, 0.786),
    # heldout6: 252 headlines, 154 outlets, about series no earlier set named: before 0.972 /
    # 0.878 / 0.758, after 0.973 / 0.904 / 0.758.
    ("heldout6", 252, 0.972, 0.903, 0.757),
    # heldout7: 253 headlines, 158 outlets: 0.943 / 0.961 / 0.747 before and after. Recall
    # 0.951 since a rare title counts alone only where the item speaks of television
    # (screen_talk.py): two rows that speak of no screen lost, five space-shuttle and
    # film rows no longer false positives (development data by then).
    ("heldout7", 253, 0.942, 0.950, 0.746),
    # heldout8: 250 headlines, 174 outlets (62 new), series no earlier set named: 0.947 /
    # 0.938 / 0.736 before and after round 8.
    ("heldout8", 250, 0.946, 0.937, 0.735),
    # heldout9: 211 headlines, 156 outlets (89 new), new series: 0.934 / 0.960 / 0.702 before
    # and after round 9.
    ("heldout9", 211, 0.933, 0.959, 0.701),
    # heldout10: 205 headlines, 160 outlets (85 new), new series: 0.882 / 0.948 / 0.786 before
    # round 10; 0.882 / 0.948 / 0.792 after its kind rules; 0.976 / 0.943 / 0.792 with a rare
    # title counting alone only where the item speaks of television (screen_talk.py).
    ("heldout10", 205, 0.975, 0.942, 0.791),
    # heldout11: 211 headlines, 152 outlets (66 new), new series, kinds more even: 0.975 /
    # 0.869 / 0.811 before and after round 12 (0.939 / 0.869 / 0.806 without the television
    # gate and round 11, scored afterwards to tell the two apart).
    ("heldout11", 211, 0.974, 0.868, 0.810),
    # heldout12: 202 headlines, 167 outlets (75 new), new series (talent shows, quiz shows,
    # British comedies): 0.946 / 0.935 / 0.805 before round 13 (matching recall), 0.946 /
    # 0.941 / 0.805 after it.
    ("heldout12", 202, 0.945, 0.940, 0.804),
    # heldout13: 188 headlines, 127 outlets (44 new), scripted series only, English start
    # dates and German renewals sought: 0.933 / 0.951 / 0.714 before and after round 14.
    ("heldout13", 188, 0.932, 0.950, 0.713),
    # heldout14: 166 headlines, 127 outlets (49 new), new series (crime, comedy, anime), a
    # song and a drinking game sharing titles: 0.894 / 0.966 / 0.750 before and after round 15.
    ("heldout14", 166, 0.893, 0.965, 0.749),
    # heldout15: 175 headlines, 129 outlets (46 new), soaps, reality and streaming series:
    # 0.951 / 0.889 / 0.791 before and after round 16 (matching precision).
    ("heldout15", 175, 0.950, 0.888, 0.790),
    # heldout16: 155 headlines, 113 outlets (49 new), animation, game shows, dramas: 0.976 /
    # 0.954 / 0.715 before round 17 (matching recall), 0.977 / 0.962 / 0.715 after it.
    ("heldout16", 155, 0.976, 0.961, 0.714),
    # heldout17: 179 headlines, 149 outlets (54 new), long-running shows and their endings
    # (talk shows, soaps, game shows, German cabaret and variety): 0.963 / 0.885 / 0.725
    # before round 18 (kinds), 0.963 / 0.885 / 0.718 after it (one held-out row lost).
    ("heldout17", 179, 0.962, 0.884, 0.717),
    # heldout18: 193 headlines, 152 outlets (70 new), German miniseries and TV-film series,
    # English streaming and British dramas: 0.974 / 0.949 / 0.782 before and after round 19
    # (matching recall).
    ("heldout18", 193, 0.973, 0.948, 0.781),
    # heldout19: 189 headlines, 136 outlets (50 new), long-running crime series, reality and
    # dating shows, network dramas, with traps (a tar pit, a golf club, a ski resort, Ridley
    # Scott): 0.920 / 0.938 / 0.762 before and after round 20 (kinds).
    ("heldout19", 189, 0.920, 0.937, 0.761),
    # heldout20: 189 headlines, 142 outlets (52 new), crime series with name and place
    # titles, Nordic and British crime, Vorabendkrimis: 0.961 / 0.943 / 0.783 before and
    # after round 21 (matching precision).
    ("heldout20", 189, 0.960, 0.942, 0.783),
    # heldout21: 196 headlines, 150 outlets (56 new), sitcoms, medical and legal dramas,
    # German ZDFneo and Sat.1 series: 0.952 / 0.976 / 0.866 before and after round 22 (kinds).
    ("heldout21", 196, 0.952, 0.975, 0.865),
    # heldout22: 200 headlines, 143 outlets (58 new), historical, horror and action series,
    # German docu-soaps and crime: 0.940 / 0.935 / 0.787 before round 23 (matching precision),
    # 0.946 / 0.935 / 0.787 after it (a film's year in brackets).
    ("heldout22", 200, 0.946, 0.934, 0.786),
    # heldout23: 198 headlines, 144 outlets (57 new), adult animation, superhero series,
    # procedurals, Austrian and Swiss shows: 0.941 / 0.970 / 0.806 before and after round 24
    # (kinds).
    ("heldout23", 198, 0.940, 0.969, 0.806),
    # heldout24: 200 headlines, 157 outlets (61 new), talk, late-night, quiz, cooking and
    # casting shows, hosts' own names as traps: 0.939 / 0.945 / 0.730 before round 25
    # (matching precision), 0.939 / 0.939 / 0.730 after it (one held-out hit lost: a headline
    # that is only its label and title, in an item that speaks of no screen).
    ("heldout24", 200, 0.938, 0.938, 0.730),
    # heldout25: 196 headlines, 177 outlets (77 new), documentaries, true crime, children's
    # series, anime, soaps and sports docuseries: 0.974 / 0.907 / 0.694 before and after
    # rounds 26 (kinds) and 27 (matching precision).
    ("heldout25", 196, 0.973, 0.907, 0.693),
    # heldout26: 173 headlines, 150 outlets (65 new), international series (Israeli, Indian,
    # Korean, Italian, French, Nordic, Polish, Turkish) and German regional shows: 0.986 /
    # 0.898 / 0.803 before and after rounds 28 (matching recall) and 29 (kinds).
    ("heldout26", 173, 0.986, 0.898, 0.802),
    # heldout27: 194 headlines, 152 outlets (57 new), young-adult, fantasy and science-fiction
    # series, game and comic adaptations, German streaming originals, with traps (a song, a
    # safari park, a toy maker, the halo effect): 0.930 / 0.936 / 0.828 before and after rounds
    # 30 (kinds) and 31 (matching precision).
    ("heldout27", 194, 0.930, 0.936, 0.828),
    # heldout28: 195 headlines, 133 outlets (46 new), Australian, Canadian, New Zealand and
    # Irish series, ARD/ZDF film series and Vorabend series, with traps (a defence base, a
    # coast, a band, organ transplants): 0.958 / 0.890 / 0.787 before rounds 32 (kinds), 33
    # (matching precision) and 34 (German kinds), 0.965 / 0.884 / 0.787 after them (two false
    # positives gone, a band and the base; one new, a town in its own series; two hits lost to
    # round 33, one gained).
    ("heldout28", 195, 0.964, 0.883, 0.787),
]


@corpus_present
@pytest.mark.parametrize(("part", "rows", "precision", "recall", "kinds"), SCORED_ONCE)
def test_held_out_set_scored_once(
    part: str, rows: int, precision: float, recall: float, kinds: float
) -> None:
    result = score(load(CORPUS_DIR, part=part))
    _show(f"{part} (scored once)", result)
    assert result.rows >= rows
    assert result.precision >= precision, result.wrong
    assert result.recall >= recall, result.wrong
    assert result.kind_accuracy >= kinds, result.wrong
