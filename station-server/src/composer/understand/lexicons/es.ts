import type { Lexicon } from './lexicon.js';

export const ES: Lexicon = {
  themes: {
    love: ['te quiero', 'te amo', 'amor', 'corazon', 'mi vida', 'carino', 'besos', 'beso', 'adoro', 'enamorad', 'hermosa', 'precios'],
    gratitude: ['gracias', 'agradec', 'agradecid', 'por todo', 'me ensenaste', 'siempre estas', 'gratitud'],
    encouragement: ['tu puedes', 'puedes', 'animo', 'suerte', 'no te rindas', 'fuerza', 'fuerte', 'valiente', 'confio en ti', 'creo en ti', 'adelante', 'examen', 'entrevista', 'sigue'],
    celebration: ['cumple', 'felicidades', 'felicitaciones', 'feliz', 'enhorabuena', 'celebr', 'fiesta', 'aniversario', 'boda', 'graduac', 'brindis'],
    apology: ['perdon', 'perdona', 'lo siento', 'disculpa', 'siento mucho', 'culpa', 'me equivoque', 'arrepent'],
    'missing-you': ['te extrano', 'extrano', 'echo de menos', 'lejos', 'distancia', 'vuelve', 'volver', 'nostalgia', 'te echo', 'recuerdo', 'pronto nos'],
    pride: ['orgullos', 'lo lograste', 'lo hiciste', 'bien hecho', 'logro', 'campeon', 'campeona', 'admiro', 'inspira', 'heroe', 'lo conseguiste'],
  },
  relations: {
    family: ['mama', 'mami', 'madre', 'papa', 'papi', 'padre', 'abuela', 'abuelo', 'abuelita', 'abuelito', 'hermana', 'hermano', 'hija', 'hijo', 'tia', 'tio', 'prima', 'primo', 'familia'],
    partner: ['mi amor', 'amor mio', 'carino', 'esposa', 'esposo', 'novia', 'novio', 'mi vida', 'cielo', 'mi reina', 'mi rey', 'corazon'],
    friend: ['amiga', 'amigo', 'amigos', 'amigas', 'compa', 'parcero', 'colega', 'tio'],
    team: ['equipo', 'companeros', 'companeras', 'todos', 'chicos'],
    pet: ['perrito', 'perro', 'gatito', 'gato', 'mascota', 'peludo'],
    self: ['a mi mismo', 'a mi misma', 'yo mismo', 'yo misma'],
  },
  stopWords: `el la los las un una unos unas y o e u ni de del a al en con por para sin sobre que se me te le lo nos les mi mis tu tus
    su sus es son soy eres fue era estas esta estoy como cuando si no ya muy tan mas pero porque yo tu el ella hola querida querido
    este esta esto eso ese esa hay ha he has muy bien`.split(/\s+/),
};
