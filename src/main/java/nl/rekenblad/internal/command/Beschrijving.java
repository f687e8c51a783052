package nl.rekenblad.internal.command;

/**
 * A command whose help text is completed when the command line is built (a list that follows from data, such as the
 * winstberekening's fields), since an annotation can only hold constants.
 */
public interface Beschrijving {
    /** The description to show, from the one in the annotation. */
    String[] beschrijving(String[] geannoteerd);
}
