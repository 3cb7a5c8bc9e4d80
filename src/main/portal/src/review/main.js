console.log('review');
