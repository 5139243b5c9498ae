import type { SpeechModel } from './model.js';

export const ES: SpeechModel = {
  acts: {
    gratitude: ['gracias', 'agradec*', 'agradezco'],
    apology: [['perdon*', 3.5], ['lo siento', 3.5], ['lo sentimos', 3.5], ['disculpa*', 3.5], ['perdona*', 3.5], ['mi culpa', 3], ['me equivoque', 2.5], ['no debi', 2], ['olvid*', 1.5]],
    celebration: ['feliz cumpleanos', 'feliz aniversario', 'feliz ano nuevo', 'feliz navidad', 'felicidades', 'felicita*', 'enhorabuena', ['feliz dia', 2], ['a celebrar', 1.5]],
    'missing-you': ['te extrano', 'extrano', 'te echo de menos', 'echo de menos', 'te echamos de menos', 'echamos de menos', 'vuelve', 'vuelve pronto', ['sin ti', 1.2], ['te acuerdas', 1], ['pienso en ti', 1.2]],
    love: [['te quiero', 2], ['te amo', 2], ['te adoro', 2], ['amor de mi vida', 2], ['mi corazon', 1], ['mi vida', 1]],
    encouragement: ['suerte', 'mucha suerte', 'tu puedes', 'puedes hacerlo', 'no te rindas', 'no os rindais', 'animo', 'confio en ti', 'creo en ti', ['lo vas a hacer ~', 2], ['vas a hacerlo', 2], ['va a salir bien', 2], ['todo saldra bien', 2], ['fuerza', 2]],
    pride: ['orgull*', ['lo lograste', 2], ['lo has logrado', 2], ['lo conseguiste', 2], ['bien hecho', 2], ['bravo', 2]],
  },
  negators: ['no', 'nunca', 'jamas', 'tampoco', 'ni'],
  openers: ['y', 'e', 'pero', 'o', 'u', 'porque', 'pues', 'que', 'cuando', 'mientras', 'aunque', 'si', 'donde', 'quien', 'como', 'hasta', 'desde'],
  determiners: ['el', 'la', 'los', 'las', 'un', 'una', 'mi', 'mis', 'tu', 'tus', 'su', 'sus', 'nuestro', 'nuestra', 'nuestros', 'nuestras', 'este', 'esta', 'estos', 'estas', 'es', 'son', 'fue', 'está', 'están'],
  prepositions: ['por', 'para', 'con', 'en', 'a', 'al', 'de', 'del', 'sin', 'sobre', 'hacia', 'entre', 'cada'],
  dangling: `el la los las un una unos unas lo y e o u pero porque que cuando mientras aunque si donde quien como hasta desde por para con en a
    al de del sin sobre hacia entre mi mis tu tus su sus nuestro nuestra este esta estos estas ese esa yo me te se nos es soy eres fue
    he has ha hemos muy mas cada`.split(/\s+/),
};
